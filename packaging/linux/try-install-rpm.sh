#!/usr/bin/env bash
# Installs the .rpm on this machine with rpm itself, runs it, erases it, and checks that the package's files came
# and went as rpm records them. On Debian or Ubuntu (apt-get install rpm) rpm's database does not know the system's
# own packages, so the install runs with --nodeps and the requirements are checked instead against the libraries
# the dynamic linker knows (ldconfig -p); on Fedora or openSUSE, pass --deps to let rpm resolve them itself.
# Meant for a throwaway machine or container; run as root. docs/packaging.md has its latest output.
#
# Usage: packaging/linux/try-install-rpm.sh [--deps] target/package/member-console-<version>-1.x86_64.rpm
set -uo pipefail

nodeps=--nodeps
if [ "${1:-}" = --deps ]; then nodeps=""; shift; fi
rpmfile=$(realpath -- "${1:?usage: try-install-rpm.sh [--deps] <member-console .rpm>}")
name=member-console
failures=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# shellcheck source=installed-checks.sh
source "$(dirname -- "${BASH_SOURCE[0]}")/installed-checks.sh"
ok() { echo "ok    $*"; }
bad() { echo "FAIL  $*"; failures=$((failures + 1)); }
check() { local what=$1; shift; if "$@" >/dev/null 2>&1; then ok "$what"; else bad "$what"; fi; }

[ "$(id -u)" -eq 0 ] || { echo "try-install-rpm: run as root (it installs a package)" >&2; exit 2; }
command -v rpm >/dev/null || { echo "try-install-rpm: needs rpm (apt-get install rpm)" >&2; exit 2; }
rpm -q "$name" >/dev/null 2>&1 && { echo "try-install-rpm: $name is installed already; rpm -e it first" >&2; exit 2; }
[ -e "/usr/lib/$name" ] && { echo "try-install-rpm: /usr/lib/$name exists (the .deb?); remove it first" >&2; exit 2; }

echo "machine: $(. /etc/os-release; echo "$PRETTY_NAME"), $(rpm --version)"
echo "== what the package asks for"
check "the package has no scriptlets" sh -c "[ -z \"\$(rpm -qp --scripts '$rpmfile' 2>/dev/null)\" ]"
if [ -n "$nodeps" ]; then
  missing=""
  known=$(ldconfig -p)
  while IFS= read -r need; do
    case "$need" in
      rpmlib\(*|/bin/sh|/usr/bin/*|"$name"*) continue ;;
      *'(64bit)'*) soname=${need%%(*}
        grep -q "^[[:space:]]*$soname (.*x86-64" <<< "$known" || missing+="$need " ;;
    esac
  done < <(rpm -qp --requires "$rpmfile" 2>/dev/null)
  if [ -z "$missing" ]; then ok "every library it requires is on this machine ($(rpm -qp --requires "$rpmfile" | grep -c '(64bit)') sonames)"
  else bad "required but not on this machine: $missing"; fi
fi

echo "== install"
if rpm -i $nodeps "$rpmfile" > "$work/install.log" 2>&1; then ok "rpm -i $nodeps $(basename "$rpmfile")"; else
  bad "rpm -i"; tail -20 "$work/install.log"; fi
check "rpm says installed" rpm -q "$name"
check "rpm -V finds every file as packaged" rpm -V $nodeps "$name"
check "/usr/bin/$name links the launcher" sh -c "[ \"\$(readlink -f /usr/bin/$name)\" = /usr/lib/$name/bin/$name ]"
check "the desktop entry, MIME type, metainfo and hicolor icon are the package's files" sh -c \
    "rpm -qf /usr/share/applications/$name.desktop /usr/share/mime/packages/$name.xml \
     /usr/share/metainfo/org.iqracity.MemberConsole.metainfo.xml /usr/share/icons/hicolor/scalable/apps/$name.svg"

echo "== run"
check_the_command
check_the_self_test

echo "== erase"
files=$(rpm -ql "$name")
if rpm -e $nodeps "$name" > "$work/erase.log" 2>&1; then ok "rpm -e"; else bad "rpm -e"; tail -20 "$work/erase.log"; fi
check "rpm no longer knows the package" sh -c "! rpm -q $name"
left=""
while IFS= read -r path; do
  # folders other packages own too (/usr/share/man/man1 ... here dpkg's) stay; the package's own go
  if [ -e "$path" ] && ! { [ -d "$path" ] && dpkg -S "$path" >/dev/null 2>&1; }; then left+="$path "; fi
done <<< "$files"
if [ -z "$left" ]; then ok "none of the package's $(wc -l <<< "$files") paths is left"; else bad "left behind: $left"; fi

echo
if [ "$failures" -eq 0 ]; then echo "try-install-rpm: every check passed"; else echo "try-install-rpm: $failures checks failed"; fi
[ "$failures" -eq 0 ]
