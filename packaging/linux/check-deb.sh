#!/usr/bin/env bash
# Checks a built .deb as a packager would, without installing it: its files, that it has no maintainer script
# that could fail an apt run, its control fields, the desktop entry (desktop-file-validate), the AppStream
# metadata (appstreamcli validate), lintian with the package's own overrides (any error or warning left fails),
# and the checksum beside it. CI runs it on every build; try-install.sh is the install, run and removal.
#
# Usage: packaging/linux/check-deb.sh target/package/member-console_<version>_amd64.deb
# Needs: desktop-file-utils, appstream, lintian (apt-get install desktop-file-utils appstream lintian).
set -uo pipefail

deb=$(realpath -- "${1:?usage: check-deb.sh <member-console .deb>}")
name=member-console
failures=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

ok() { echo "ok    $*"; }
bad() { echo "FAIL  $*"; failures=$((failures + 1)); }

for tool in desktop-file-validate appstreamcli lintian; do
  command -v "$tool" >/dev/null || { echo "check-deb: $tool is missing (apt-get install desktop-file-utils appstream lintian)" >&2; exit 2; }
done

dpkg-deb -R "$deb" "$work/root" || { echo "check-deb: $deb does not unpack" >&2; exit 1; }
root="$work/root"
dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\./|/|' > "$work/contents"

echo "== contents"
for path in /usr/bin/$name /usr/lib/$name/bin/$name /usr/lib/$name/lib/app/$name.cfg \
    /usr/lib/$name/lib/runtime/lib/libglassgtk3.so /usr/lib/$name/lib/runtime/lib/libprism_es2.so \
    /usr/share/applications/$name.desktop /usr/share/mime/packages/$name.xml \
    /usr/share/metainfo/org.iqracity.MemberConsole.metainfo.xml /usr/share/man/man1/$name.1.gz \
    /usr/share/doc/$name/copyright /usr/share/doc/$name/changelog.gz \
    /usr/share/icons/hicolor/scalable/apps/$name.svg \
    /usr/share/icons/hicolor/scalable/mimetypes/application-x-iqracity-roster.svg \
    /usr/lib/systemd/system/$name-platform.service /usr/share/$name/platform/README \
    /usr/share/$name/platform/platform.env /usr/share/$name/platform/haproxy.cfg \
    /usr/share/$name/postgresql/grants.sql; do
  grep -qx "$path" "$work/contents" || bad "missing $path"
done
for size in 16 24 32 48 64 128 256 512; do
  grep -qx "/usr/share/icons/hicolor/${size}x$size/apps/$name.png" "$work/contents" || bad "no $size px app icon"
  grep -qx "/usr/share/icons/hicolor/${size}x$size/mimetypes/application-x-iqracity-roster.png" "$work/contents" \
    || bad "no $size px roster icon"
done
[ "$(readlink "$root/usr/bin/$name")" = "../lib/$name/bin/$name" ] || bad "/usr/bin/$name does not link the launcher"
outside=$(grep -v -e '^/usr/lib/member-console' -e '^/usr/share/' -e '^/usr/bin/member-console$' -e '/$' \
  -e "^/usr/lib/systemd/system/$name-platform.service$" \
  "$work/contents" | tr '\n' ' ')
[ -z "$outside" ] || bad "files outside /usr/lib/$name, /usr/share and the service unit: $outside"
grep -q -e 'libapplauncher.so$' -e "/lib/$name.png$" "$work/contents" && bad "files only jpackage's launcher used are in"
grep -q -e "^/usr/lib/$name/lib/platform/" -e "^/usr/lib/$name/lib/postgresql/" "$work/contents" \
  && bad "the image's copies of the operator's files are in /usr/lib/$name too"
unstripped=$(find "$root/usr/lib/$name" -type f \( -name '*.so' -o -path '*/bin/*' -o -name jspawnhelper \) \
  -exec file {} + | grep 'ELF.*not stripped' | cut -d: -f1 | sed "s|$root||" | tr '\n' ' ')
[ -z "$unstripped" ] || bad "not stripped: $unstripped"
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/jimage" ]; then
  # JavaFX linked from jmods: its libraries are files of the runtime, not resources it would unpack into $HOME
  "$JAVA_HOME/bin/jimage" list "$root/usr/lib/$name/lib/runtime/lib/modules" | grep -q '\.so$' \
    && bad "native libraries inside the runtime's modules file (JavaFX would unpack them into ~/.openjfx)"
fi
[ "$failures" -eq 0 ] && ok "$(wc -l < "$work/contents") paths, the expected ones and no others outside /usr/lib/$name and /usr/share; natives stripped"

echo "== maintainer scripts and control"
scripts=$(ls "$root/DEBIAN" | grep -v -x -e control -e md5sums | tr '\n' ' ')
if [ -z "$scripts" ]; then ok "no maintainer scripts, no triggers of its own: nothing of the package's can fail an apt run"; else
  bad "DEBIAN holds $scripts"; fi
control="$root/DEBIAN/control"
synopsis=$(sed -n 's/^Description: //p' "$control")
[ ${#synopsis} -lt 80 ] && ok "synopsis (${#synopsis} characters): $synopsis" || bad "synopsis of ${#synopsis} characters"
grep -q '^Maintainer: .* <.*@.*>$' "$control" && grep -q '^Homepage: https://' "$control" \
  && grep -q '^Depends: .*libgtk-3-0' "$control" && [ "$(grep -c '^ ' "$control")" -ge 3 ] \
  && ok "Maintainer, Homepage, Depends and a description" || bad "control lacks a field: $(cat "$control")"

echo "== desktop entry and AppStream"
if desktop-file-validate "$root/usr/share/applications/$name.desktop"; then ok "desktop-file-validate"; else
  bad "desktop-file-validate"; fi
if appstreamcli validate --no-net "$root/usr/share/metainfo/org.iqracity.MemberConsole.metainfo.xml" > "$work/as" 2>&1
then ok "appstreamcli validate ($(tail -1 "$work/as"))"; else bad "appstreamcli validate"; cat "$work/as"; fi

echo "== the platform's service and the operator's files"
unit="$root/usr/lib/systemd/system/$name-platform.service"
exec_start=$(sed -n 's/^ExecStart=\([^ ]*\) platform .*/\1/p' "$unit")
[ -n "$exec_start" ] && [ -e "$root$exec_start" ] && ok "ExecStart runs $exec_start platform, a command of the package" \
  || bad "the unit's ExecStart names no command of the package: $(grep ^ExecStart "$unit")"
if command -v systemd-analyze >/dev/null; then
  # against the package's own tree, with the system's targets beside it for the unit's dependencies
  mkdir -p "$work/sysroot/usr/lib/systemd/system" "$work/sysroot/etc/$name"
  cp -a /usr/lib/systemd/system/*.target "$work/sysroot/usr/lib/systemd/system/" 2>/dev/null
  cp -al "$root/usr" "$work/sysroot/"
  cp "$root/usr/share/$name/platform/platform.env" "$work/sysroot/etc/$name/platform.env"
  if systemd-analyze verify --man=no --root="$work/sysroot" "/usr/lib/systemd/system/$name-platform.service" \
      > "$work/verify" 2>&1; then
    ok "systemd-analyze verify; $(systemd-analyze security --offline=yes --root="$work/sysroot" \
        "$name-platform.service" 2>/dev/null | grep -o 'Overall exposure level.*')"
  else bad "systemd-analyze verify"; cat "$work/verify"; fi
else echo "skip  systemd-analyze is not installed"; fi
if command -v haproxy >/dev/null; then
  if haproxy -c -f "$root/usr/share/$name/platform/haproxy.cfg" > "$work/haproxy" 2>&1; then ok "haproxy -c on the example"
  else bad "haproxy -c"; cat "$work/haproxy"; fi
else echo "skip  haproxy is not installed (apt-get install haproxy)"; fi

echo "== lintian"
if lintian --fail-on error,warning --display-info "$deb" > "$work/lintian" 2>&1; then
  ok "lintian: no error or warning beyond the package's overrides ($(grep -c '^[^#]*: ' \
      "$root/usr/share/lintian/overrides/$name") accepted, docs/packaging.md says why)"
  grep -v 'running with root privileges' "$work/lintian" | sed 's/^/      /'
else
  bad "lintian"; grep -v 'running with root privileges' "$work/lintian"
fi

echo "== checksum"
sums="$(dirname "$deb")/SHA256SUMS"
if [ -f "$sums" ] && (cd "$(dirname "$deb")" && grep " $(basename "$deb")\$" SHA256SUMS | sha256sum -c --quiet -); then
  ok "SHA256SUMS beside it matches"; else bad "no matching SHA256SUMS beside $deb"; fi

echo
if [ "$failures" -eq 0 ]; then echo "check-deb: $(basename "$deb") passed every check"; else echo "check-deb: $failures checks failed"; fi
[ "$failures" -eq 0 ]
