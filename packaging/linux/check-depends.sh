#!/usr/bin/env bash
# Fails when a native library or program of the app image needs a shared library that neither the image itself
# holds nor a package of the .deb's Depends provides. Every ELF file's NEEDED entries are looked up on this
# machine (ldconfig), the file found is mapped to its Debian package (dpkg -S), and that package must be one of
# the alternatives of a Depends entry. Libraries the image loads by name at run time (dlopen) are not in NEEDED:
# the ones the console uses (GTK for JavaFX's window) are declared anyway.
#
# Usage: packaging/linux/check-depends.sh <app image folder> '<Depends field>'
# Needs the libraries themselves installed (they are wherever the console's tests run under a display).
set -euo pipefail

image=${1:?usage: check-depends.sh <app image> <depends>}
depends=${2:?usage: check-depends.sh <app image> <depends>}

declare -A declared=()
IFS=',' read -ra entries <<< "$depends"
for entry in "${entries[@]}"; do
  IFS='|' read -ra alternatives <<< "$entry"
  for alternative in "${alternatives[@]}"; do
    name=$(sed -E 's/\(.*\)//; s/[[:space:]]//g' <<< "$alternative")
    declared[$name]=1
  done
done

# The image's own libraries satisfy each other (libjvm.so, libawt.so, the bundled libfreetype.so ...).
declare -A own=()
while IFS= read -r -d '' file; do own[$(basename "$file")]=1; done < <(find "$image" -name '*.so*' -print0)

declare -A needed=()
while IFS= read -r -d '' file; do
  [ "$(head -c4 "$file" | od -An -c | tr -d ' ')" = '177ELF' ] || continue
  while read -r soname; do
    [ -n "${own[$soname]:-}" ] || needed[$soname]="${needed[$soname]:-}${file#"$image"/} "
  done < <(objdump -p "$file" | awk '$1 == "NEEDED" {print $2}')
done < <(find "$image" -type f -print0)

owner() {
  local path=$1 candidate package
  for candidate in "$path" "/usr$path" "${path#/usr}" "$(readlink -f "$path")" "/usr$(readlink -f "$path")" \
      "$(readlink -f "$path" | sed 's|^/usr||')"; do
    package=$(dpkg-query -S "$candidate" 2>/dev/null | sed -n '1s/:.*//p') || true
    [ -n "$package" ] && echo "$package" && return 0
  done
  return 1
}

# (Read whole, not piped into a reader that stops early: under pipefail, ldconfig's SIGPIPE would end the check.)
cache=$(ldconfig -p)

failed=0
printf '%-28s %-28s %s\n' soname package 'needed by (first)'
for soname in $(printf '%s\n' "${!needed[@]}" | sort); do
  path=$(awk -v s="$soname" '$1 == s && /x86-64/ && !found {print $NF; found = 1}' <<< "$cache")
  first=${needed[$soname]%% *}
  if [ -z "$path" ]; then
    echo "check-depends: $soname (needed by $first) is not installed here, so its package cannot be checked" >&2
    failed=1
    continue
  fi
  package=$(owner "$path") || { echo "check-depends: no package owns $path ($soname)" >&2; failed=1; continue; }
  printf '%-28s %-28s %s\n' "$soname" "$package" "$first"
  if [ -z "${declared[$package]:-}" ]; then
    echo "check-depends: $soname comes from $package, which Depends does not name (needed by $first)" >&2
    failed=1
  fi
done
[ "$failed" -eq 0 ] || { echo "check-depends: add the packages above to PACKAGE_DEPENDS in packaging/linux/package.conf" >&2; exit 1; }
echo "check-depends: every library the image needs is in the image or in Depends"
