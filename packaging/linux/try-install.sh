#!/usr/bin/env bash
# Installs the .deb on this machine, runs it, removes and purges it, and checks at each step what a user and a
# packager would check: that apt finishes, that the command works with and without a display, what the desktop
# sees, that the user's data folder is the user's alone, and that removal leaves nothing of the package behind.
# Meant for a throwaway machine or container (it installs the package's Depends and leaves them); run as root.
# docs/packaging.md has its latest output.
#
# Usage: packaging/linux/try-install.sh target/package/member-console_<version>_amd64.deb
set -uo pipefail

deb=$(realpath -- "${1:?usage: try-install.sh <member-console .deb>}")
name=member-console
failures=0
work=$(mktemp -d)
xvfb_pid=""
console_pid=""
cleanup() {
  [ -n "$console_pid" ] && kill "$console_pid" 2>/dev/null
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

# shellcheck source=installed-checks.sh
source "$(dirname -- "${BASH_SOURCE[0]}")/installed-checks.sh"
ok() { echo "ok    $*"; }
bad() { echo "FAIL  $*"; failures=$((failures + 1)); }
check() { local what=$1; shift; if "$@" >/dev/null 2>&1; then ok "$what"; else bad "$what"; fi; }
apt() { DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 -y -qq "$@"; }

[ "$(id -u)" -eq 0 ] || { echo "try-install: run as root (it installs a package)" >&2; exit 2; }
dpkg -s "$name" >/dev/null 2>&1 && { echo "try-install: $name is installed already; purge it first" >&2; exit 2; }

echo "machine: $(. /etc/os-release; echo "$PRETTY_NAME"), menu folders: $(ls -d /etc/xdg/menus 2>/dev/null || echo none)"
# What is on the machine before, to compare after the purge (caches the triggers rebuild are other packages' files).
snapshot() {
  find /usr /etc /opt /var/lib/dpkg/info -xdev 2>/dev/null \
    | grep -v -e '^/usr/share/mime/' -e '/icon-theme.cache$' -e '/mimeinfo.cache$' -e '^/etc/ld.so.cache$' \
        -e '^/usr/share/info/dir' -e '^/var/lib/dpkg/info/.*\.list-new$' | sort
}
snapshot > "$work/before"

echo "== install"
if apt install "$deb" > "$work/install.log" 2>&1; then ok "apt-get install ./$(basename "$deb")"; else
  bad "apt-get install"; tail -20 "$work/install.log"; fi
check "dpkg says installed" sh -c "dpkg -s $name | grep -q 'Status: install ok installed'"
check "no half-configured package (dpkg --audit is empty)" sh -c '[ -z "$(dpkg --audit)" ]'
check "the package has no maintainer scripts" sh -c "! ls /var/lib/dpkg/info/$name.*inst /var/lib/dpkg/info/$name.*rm 2>/dev/null | grep -q ."
check "/usr/bin/$name links the launcher" sh -c "[ \"\$(readlink -f /usr/bin/$name)\" = /usr/lib/$name/bin/$name ]"

echo "== run"
check_the_command
if grep -q AOTCache "/usr/lib/$name/lib/app/$name.cfg"; then
  # The cache checks the jars' sizes and times and the runtime it was made with: installing must keep them as built.
  check "the installed runtime uses the AOT cache recorded at build time" sh -c \
      "JAVA_TOOL_OPTIONS=-Xlog:aot=info $name --version 2>&1 | grep -q 'Using AOT-linked classes: true'"
fi
if command -v man >/dev/null; then check "man $name finds the manual page" man -w "$name"; fi
if command -v desktop-file-validate >/dev/null; then
  check "desktop-file-validate /usr/share/applications/$name.desktop" \
      desktop-file-validate "/usr/share/applications/$name.desktop"
fi
if command -v update-mime-database >/dev/null; then
  check "the MIME database knows application/x-iqracity-roster (shared-mime-info's trigger ran)" \
      test -f /usr/share/mime/application/x-iqracity-roster.xml
fi
if command -v gio >/dev/null && [ -f /usr/share/mime/application/x-iqracity-roster.xml ]; then
  # a roster renamed without its extension: its first bytes (the magic rule's) then anything
  magic=$(sed -n 's/.*<match type="string" offset="0" value="\([^"]*\)".*/\1/p' /usr/share/mime/packages/$name.xml)
  { printf "$magic"; head -c 4000 /dev/urandom; } > "$work/renamed roster"
  type=$(gio info -a standard::content-type "$work/renamed roster" | sed -n 's/.*standard::content-type: //p')
  if [ "$type" = application/x-iqracity-roster ]; then ok "a roster renamed without its extension is known by its content"
  else bad "a renamed roster is $type"; fi
fi
if [ -f /usr/share/applications/mimeinfo.cache ]; then
  check "the desktop database maps .iqroster files to $name (desktop-file-utils' trigger ran)" \
      grep -q "x-iqracity-roster=$name.desktop" /usr/share/applications/mimeinfo.cache
fi
if command -v gtk-update-icon-cache >/dev/null; then
  check "the hicolor icon cache was rebuilt with the icon (the icon-cache trigger ran)" \
      grep -q "$name" /usr/share/icons/hicolor/icon-theme.cache
fi
check_the_self_test

# The window, when the machine has Xvfb and the X tools: its class matches the desktop entry's StartupWMClass, its
# icons are set, the data folder is owner-only, and nothing is unpacked into the home folder.
if command -v Xvfb >/dev/null && command -v xprop >/dev/null && command -v xwininfo >/dev/null; then
  echo "== window (Xvfb)"
  home="$work/home"
  mkdir -p "$home"
  Xvfb -displayfd 3 -screen 0 1280x800x24 3>"$work/display" >/dev/null 2>&1 &
  xvfb_pid=$!
  for _ in $(seq 1 100); do [ -s "$work/display" ] && break; sleep 0.1; done
  export DISPLAY=":$(cat "$work/display")"
  # Java takes the home folder from the password database, not from $HOME: user.home makes this run a fresh user's.
  (umask 022; HOME="$home" JAVA_TOOL_OPTIONS="-Duser.home=$home" XDG_DATA_HOME="" \
      exec "$name" --sandbox-learners 200 > "$work/console.out" 2>&1) &
  console_pid=$!
  window=""
  for _ in $(seq 1 600); do
    window=$(xwininfo -root -tree 2>/dev/null | awk '/"Member Console"/ {print $1; exit}')
    [ -n "$window" ] && break
    sleep 0.2
  done
  if [ -n "$window" ]; then
    class=$(xprop -id "$window" WM_CLASS | sed 's/.*= //')
    wanted=$(sed -n 's/^StartupWMClass=//p' "/usr/share/applications/$name.desktop")
    if grep -q "\"$wanted\"" <<< "$class"; then ok "the window's WM_CLASS $class matches StartupWMClass"; else
      bad "WM_CLASS $class, StartupWMClass $wanted"; fi
    # JavaFX hands X11 one of the stage's icons (the size nearest the one GTK asks for); docks and switchers
    # take the hicolor icons of the desktop entry that StartupWMClass matches.
    icons=$(xprop -id "$window" _NET_WM_ICON | grep -o 'Icon ([0-9]* x [0-9]*)' | sort -u | tr '\n' ' ')
    if [ -n "$icons" ]; then ok "the window has its icon: $icons"; else bad "the window has no icon"; fi
    data="$home/.local/share/$name"
    # The sandbox platform narrows its database files once it has opened them: look when it serves.
    for _ in $(seq 1 600); do grep -q "Platform API serving" "$data/logs/$name.log" 2>/dev/null && break; sleep 0.2; done
    mode=$(stat -c %a "$data" 2>/dev/null)
    if [ "$mode" = 700 ]; then ok "the data folder $data is 0700 (umask 022)"; else bad "the data folder is $mode"; fi
    loose=$(find "$data" -perm /077 2>/dev/null | sed "s|$home|~|" | tr '\n' ' ')
    if [ -z "$loose" ]; then ok "nothing in it is readable by others"; else bad "readable by others: $loose"; fi
    shown=$(grep -ho 'Sign-in window shown .*' "$data/logs/$name.log" 2>/dev/null | head -1)
    echo "      ${shown:-no sign-in window line in the log yet}"
    if [ ! -e "$home/.openjfx" ]; then ok "no ~/.openjfx (JavaFX's natives come from the package)"; else
      bad "JavaFX unpacked into $home/.openjfx"; fi
  else
    bad "no window in 120 s: $(tail -5 "$work/console.out")"
  fi
  kill "$console_pid" 2>/dev/null; wait "$console_pid" 2>/dev/null; console_pid=""
  kill "$xvfb_pid" 2>/dev/null; wait "$xvfb_pid" 2>/dev/null; xvfb_pid=""
else
  echo "(no Xvfb, xprop or xwininfo here: the window checks are skipped; apt-get install xvfb x11-utils)"
fi

echo "== remove and purge"
files=$(dpkg -L "$name" | grep -v '^/\.$')
if apt remove "$name" > "$work/remove.log" 2>&1; then ok "apt-get remove"; else bad "apt-get remove"; tail -20 "$work/remove.log"; fi
# (apt-get purge knows only packages of its sources; dpkg purges what a removal left, here nothing: no conffiles)
if dpkg --purge "$name" > "$work/purge.log" 2>&1; then ok "dpkg --purge"; else bad "dpkg --purge"; tail -20 "$work/purge.log"; fi
check "dpkg no longer knows the package" sh -c "! dpkg -s $name 2>/dev/null | grep -q '^Status: install'"
check "no half-configured package (dpkg --audit is empty)" sh -c '[ -z "$(dpkg --audit)" ]'
left=""
while IFS= read -r path; do
  # folders shared with other packages (/usr/share/man/man1 ...) stay; the package's own files and folders go
  if [ -e "$path" ] && ! { [ -d "$path" ] && dpkg -S "$path" >/dev/null 2>&1; }; then left+="$path "; fi
done <<< "$files"
if [ -z "$left" ]; then ok "none of the package's $(wc -l <<< "$files") paths is left"; else bad "left behind: $left"; fi
snapshot > "$work/after"
added=$(comm -13 "$work/before" "$work/after" | grep -v -e '^/var/lib/dpkg' -e "^/usr/share/doc/" | head -20)
# The Depends apt pulled in are expected additions; anything else named after the console is not.
if ! grep -q -i -e "$name" -e iqracity -e iqroster <<< "$added"; then ok "nothing named after the console is left on the machine"; else
  bad "left on the machine: $(grep -i -e "$name" -e iqracity -e iqroster <<< "$added" | tr '\n' ' ')"; fi

echo
if [ "$failures" -eq 0 ]; then echo "try-install: every check passed"; else echo "try-install: $failures checks failed"; fi
[ "$failures" -eq 0 ]
