#!/usr/bin/env bash
# Puts packaging/linux/member-console-launcher.sh in place of the native launcher jpackage wrote into a Linux app
# image (why: see that script). Run by the package profile right after jpackage makes the image, before the AOT
# cache is recorded and before an installer is made from the image.
#
# Usage: packaging/linux/install-launcher.sh <app image>
set -euo pipefail

image=${1:?usage: install-launcher.sh <app image>}
launcher="$image/bin/member-console"
[ -x "$launcher" ] && [ -f "$image/lib/app/member-console.cfg" ] \
  || { echo "install-launcher: $image is not a member-console app image" >&2; exit 1; }

install -m 755 "$(dirname "$0")/member-console-launcher.sh" "$launcher"
"$launcher" --version >/dev/null || { echo "install-launcher: the new launcher does not start the console" >&2; exit 1; }
echo "install-launcher: $launcher is the shell launcher"
