#!/usr/bin/env bash
# Makes the Linux packages (.deb, .rpm) from the app image jpackage built, with every file and every maintainer
# script ours. docs/packaging.md says what is installed where and why jpackage's own installers were not kept.
#
# One tree is laid out for both formats: the image in /usr/lib/member-console (stripped, without the files only
# jpackage's native launcher used), the command /usr/bin/member-console, and under /usr/share the desktop entry,
# the .iqroster type, the icons, the AppStream metadata, the manual page and the documentation; the platform's
# service unit in /usr/lib/systemd/system and the operator's files (grants.sql, HAProxy, the unit's settings) in
# /usr/share/member-console. The packages have no maintainer scripts: the desktop database, the MIME database and
# the icon caches are brought up to date by the triggers of the packages that own them (desktop-file-utils,
# shared-mime-info, the icon-cache tools), which is also why installing or removing cannot fail on a machine
# without a desktop. The service is not enabled on install: it needs its settings first.
#
# Usage: packaging/linux/build-packages.sh <app image> <version> <deb|rpm|deb,rpm> <output folder>
# Writes member-console_<version>_amd64.deb and/or member-console-<version>-1.x86_64.rpm, and SHA256SUMS beside them.
# PACKAGE_COMPRESSION=fast compresses little (seconds instead of minutes): for trying changes to these files only.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
image=$(realpath -- "${1:?usage: build-packages.sh <app image> <version> <types> <output folder>}")
version=${2:?usage: build-packages.sh <app image> <version> <types> <output folder>}
types=${3:?usage: build-packages.sh <app image> <version> <types> <output folder>}
dest=$(realpath -m -- "${4:?usage: build-packages.sh <app image> <version> <types> <output folder>}")
# shellcheck source=package.conf
source "$here/package.conf"

name=$PACKAGE_NAME
prefix=/usr/lib/$name
work="$dest/linux-packaging"
root="$work/root"
rm -rf "$work"
mkdir -p "$root"

die() { echo "build-packages: $*" >&2; exit 1; }
[ -x "$image/bin/$name" ] && [ -f "$image/lib/app/$name.cfg" ] || die "$image is not a $name app image"
for type in ${types//,/ }; do
  case $type in deb | rpm) ;; *) die "unknown package type '$type' (deb, rpm or deb,rpm)" ;; esac
done

is_elf() { [ "$(head -c4 "$1" | od -An -tx1 | tr -d ' \n')" = 7f454c46 ]; }

lay_out_program() {
  mkdir -p "$root/usr/lib"
  cp -a "$image" "$root$prefix"
  # Only jpackage's native launcher loads libapplauncher.so, and only its installers read the image's icon; the
  # image starts through the shell launcher (member-console-launcher.sh) and the icons are in the hicolor theme.
  rm -f "$root$prefix/lib/libapplauncher.so" "$root$prefix/lib/$name.png"
  # Debian's rules for what may be executable: programs and scripts yes, libraries and data no.
  find "$root$prefix" -type d -exec chmod 755 {} +
  find "$root$prefix" -type f -exec chmod 644 {} +
  chmod 755 "$root$prefix/bin/$name" "$root$prefix"/lib/runtime/bin/* "$root$prefix/lib/runtime/lib/jspawnhelper" \
      "$root$prefix/lib/runtime/lib/jexec"
  # Stripped as Debian's dh_strip strips: symbols and the .comment and .note sections out (libjvm.so alone loses
  # about 5 MB). The class-data and AOT archives identify the runtime by its version, not by these bytes.
  while IFS= read -r -d '' file; do
    if is_elf "$file"; then
      if [[ $file == *.so ]]; then
        strip --remove-section=.comment --remove-section=.note --strip-unneeded "$file"
      else
        strip --remove-section=.comment --remove-section=.note "$file"
      fi
    fi
  done < <(find "$root$prefix" -type f -print0)
  mkdir -p "$root/usr/bin"
  ln -s "../lib/$name/bin/$name" "$root/usr/bin/$name"
}

lay_out_desktop() {
  local share="$root/usr/share" size
  install -D -m 644 "$here/member-console.desktop" "$share/applications/$name.desktop"
  install -D -m 644 "$here/member-console-mime.xml" "$share/mime/packages/$name.xml"
  install -D -m 644 "$here/org.iqracity.MemberConsole.metainfo.xml" \
      "$share/metainfo/org.iqracity.MemberConsole.metainfo.xml"
  for size in 16 24 32 48 64 128 256 512; do
    install -D -m 644 "$repo/icons/icon-$size.png" "$share/icons/hicolor/${size}x$size/apps/$name.png"
    install -D -m 644 "$repo/icons/roster/application-x-iqracity-roster-$size.png" \
        "$share/icons/hicolor/${size}x$size/mimetypes/application-x-iqracity-roster.png"
  done
  install -D -m 644 "$repo/icons/member-console.svg" "$share/icons/hicolor/scalable/apps/$name.svg"
  install -D -m 644 "$repo/icons/roster/application-x-iqracity-roster.svg" \
      "$share/icons/hicolor/scalable/mimetypes/application-x-iqracity-roster.svg"
  mkdir -p "$share/man/man1" "$share/doc/$name"
  gzip -9n < "$here/member-console.1" > "$share/man/man1/$name.1.gz"
  gzip -9n < "$here/changelog" > "$share/doc/$name/changelog.gz"
  install -m 644 "$here/copyright" "$share/doc/$name/copyright"
  chmod 644 "$share/man/man1/$name.1.gz" "$share/doc/$name/changelog.gz"
}

# What an operator needs to run the platform on a server (packaging/platform/README): the service unit where systemd
# looks for units, the rest under /usr/share/member-console. The image carries copies in lib/platform and
# lib/postgresql for those who run it unpacked; the packages keep one copy of each, outside the program's folder.
lay_out_server() {
  local share="$root/usr/share/$name" file
  rm -rf "$root$prefix/lib/platform" "$root$prefix/lib/postgresql"
  install -D -m 644 "$here/../platform/member-console-platform.service" \
      "$root/usr/lib/systemd/system/member-console-platform.service"
  for file in README platform.env haproxy.cfg; do
    install -D -m 644 "$here/../platform/$file" "$share/platform/$file"
  done
  install -D -m 644 "$here/../postgresql/grants.sql" "$share/postgresql/grants.sql"
}

# Every jar of the image is named in the copyright file, so a new dependency cannot arrive without its licence.
check_copyright_lists_every_jar() {
  local jar artifact missing=()
  for jar in "$root$prefix"/lib/app/*.jar; do
    artifact=$(basename "$jar" .jar)
    [ "$artifact" = "$name" ] && continue
    artifact=${artifact%-[0-9]*}
    grep -q "lib/app/$artifact-\*\.jar\|lib/app/${artifact%%-*}-\*\.jar" "$here/copyright" || missing+=("$artifact")
  done
  [ ${#missing[@]} -eq 0 ] || die "packaging/linux/copyright names no licence for: ${missing[*]}"
}

control_field() { local IFS=','; echo "${*}" | sed 's/,/, /g'; }

description_body() {
  local paragraph first=1
  for paragraph in "${PACKAGE_DESCRIPTION[@]}"; do
    [ $first -eq 1 ] || echo " ."
    first=0
    fold -s -w 78 <<< "$paragraph" | sed 's/ *$//; s/^/ /'
  done
}

build_deb() {
  local deb="$work/deb" depends file
  cp -a "$root" "$deb"
  install -D -m 644 "$here/lintian-overrides" "$deb/usr/share/lintian/overrides/$name"
  depends=$(control_field "${PACKAGE_DEPENDS[@]}")
  "$here/check-depends.sh" "$deb$prefix" "$depends"
  mkdir -p "$deb/DEBIAN"
  {
    echo "Package: $name"
    echo "Version: $version"
    echo "Architecture: amd64"
    echo "Maintainer: $PACKAGE_MAINTAINER"
    echo "Installed-Size: $(du -sk --apparent-size "$deb" | cut -f1)"
    echo "Depends: $depends"
    echo "Section: $PACKAGE_SECTION"
    echo "Priority: optional"
    echo "Homepage: $PACKAGE_HOMEPAGE"
    echo "Description: $PACKAGE_SYNOPSIS"
    description_body
  } > "$deb/DEBIAN/control"
  (cd "$deb" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | sort -z | xargs -0 md5sum) \
      > "$deb/DEBIAN/md5sums"
  chmod 644 "$deb/DEBIAN/control" "$deb/DEBIAN/md5sums"
  file="$dest/${name}_${version}_amd64.deb"
  rm -f "$file"
  # xz, which every dpkg reads; it is most of this script's time (about 100 s of one core)
  if [ "${PACKAGE_COMPRESSION:-}" = fast ]; then
    dpkg-deb --root-owner-group -Zgzip -z1 --build "$deb" "$file" >/dev/null
  else
    dpkg-deb --root-owner-group -Zxz --build "$deb" "$file" >/dev/null
  fi
  built+=("$(basename "$file")")
  echo "build-packages: $file ($(du -h "$file" | cut -f1))"
}

build_rpm() {
  command -v rpmbuild >/dev/null || die "rpmbuild is not installed (Debian and Ubuntu: apt-get install rpm)"
  local top="$work/rpm" spec bundled file
  mkdir -p "$top"/{BUILD,RPMS,SPECS,SOURCES,BUILDROOT}
  spec="$top/SPECS/$name.spec"
  # rpm finds what the ELF files need by itself (sonames, as Requires); the image's own libraries are left out
  # of that list, since no other package provides them.
  bundled=$(find "$root$prefix" -name '*.so*' -printf '%f\n' | sort -u | sed 's/\./\\./g' | paste -sd'|')
  {
    echo "Name: $name"
    echo "Version: $version"
    echo "Release: 1"
    echo "Summary: $PACKAGE_SYNOPSIS"
    echo "License: LicenseRef-iqracity-proprietary"
    echo "URL: $PACKAGE_HOMEPAGE"
    echo "Vendor: $PACKAGE_VENDOR"
    echo "Packager: $PACKAGE_MAINTAINER"
    echo "AutoProv: no"
    echo "%global __requires_exclude ^(${bundled})"
    # The tree is stripped and compressed already: none of rpm's post-install steps, no debug package.
    echo "%global __os_install_post %{nil}"
    echo "%global debug_package %{nil}"
    echo "%global _build_id_links none"
    # zstd, which rpm reads since 4.14 (RHEL 8, openSUSE Leap 15, Fedora 31)
    if [ "${PACKAGE_COMPRESSION:-}" = fast ]; then
      echo "%global _binary_payload w1T.zstdio"
    else
      echo "%global _binary_payload w9T.zstdio"
    fi
    echo
    echo "%description"
    printf '%s\n\n' "${PACKAGE_DESCRIPTION[@]}" | fold -s -w 78 | sed 's/ *$//'
    echo "%install"
    echo "cp -a '$root/.' %{buildroot}/"
    echo
    echo "%files"
    echo "%license /usr/share/doc/$name/copyright"
    echo "%doc /usr/share/doc/$name/changelog.gz"
    echo "/usr/bin/$name"
    echo "$prefix"
    echo "/usr/share/applications/$name.desktop"
    echo "/usr/share/mime/packages/$name.xml"
    echo "/usr/share/metainfo/org.iqracity.MemberConsole.metainfo.xml"
    echo "/usr/share/man/man1/$name.1.gz"
    echo "/usr/lib/systemd/system/member-console-platform.service"
    echo "/usr/share/$name"
    (cd "$root" && find usr/share/icons -type f -printf '/%p\n' | sort)
    echo "%dir /usr/share/doc/$name"
  } > "$spec"
  rpmbuild --quiet --define "_topdir $top" --define "_rpmdir $top/RPMS" -bb "$spec" >/dev/null
  file=$(find "$top/RPMS" -name '*.rpm' | head -1)
  [ -n "$file" ] || die "rpmbuild made no package"
  mv "$file" "$dest/"
  built+=("$(basename "$file")")
  echo "build-packages: $dest/$(basename "$file") ($(du -h "$dest/$(basename "$file")" | cut -f1))"
}

built=()
lay_out_program
lay_out_desktop
lay_out_server
check_copyright_lists_every_jar
for type in ${types//,/ }; do
  "build_$type"
done
(cd "$dest" && sha256sum "${built[@]}" > SHA256SUMS)
echo "build-packages: $dest/SHA256SUMS"
rm -rf "$work"
