#!/bin/bash
# Member Console's launcher on Linux, put in place of jpackage's native one as bin/member-console of the app image
# (packaging/linux/install-launcher.sh). It starts the image's own runtime with what jpackage wrote into
# lib/app/member-console.cfg: class path, main class, JVM options (the AOT cache among them).
#
# Why not jpackage's launcher: before it starts the JVM it asks rpm and dpkg, twice, which package owns it, and
# `dpkg -S` reads every package's file list. That costs 0.3-0.5 s at every start on this machine, about a fifth
# of the time to the sign-in window, and more on a desktop with thousands of packages installed.
set -u

self=$(readlink -f -- "$0")
bindir=${self%/*}
root=${bindir%/*}
app="$root/lib/app"
java="$root/lib/runtime/bin/java"
cfg="$app/member-console.cfg"

if [ ! -x "$java" ] || [ ! -r "$cfg" ]; then
  echo "member-console: this installation is incomplete (no $java or $cfg); reinstall Member Console." >&2
  exit 1
fi

# Sets $expanded to its argument with jpackage's folder variables replaced (in this shell: no subshell per line).
expand() {
  expanded=${1//\$APPDIR/$app}
  expanded=${expanded//\$BINDIR/$bindir}
  expanded=${expanded//\$ROOTDIR/$root}
}

classpath=""
mainclass=""
options=()
arguments=()
while IFS= read -r line || [ -n "$line" ]; do
  case $line in
    app.classpath=*) expand "${line#app.classpath=}"; classpath="${classpath:+$classpath:}$expanded" ;;
    app.mainclass=*) mainclass=${line#app.mainclass=} ;;
    java-options=*) expand "${line#java-options=}"; options+=("$expanded") ;;
    arguments=*) expand "${line#arguments=}"; arguments+=("$expanded") ;;
  esac
done < "$cfg"

if [ -z "$mainclass" ]; then
  echo "member-console: $cfg names no main class; reinstall Member Console." >&2
  exit 1
fi
# Arguments from the configuration apply only when the command line gives none, as with jpackage's launcher.
if [ $# -eq 0 ] && [ ${#arguments[@]} -gt 0 ]; then
  set -- "${arguments[@]}"
fi

exec -a member-console "$java" "-Djpackage.app-path=$self" "${options[@]}" -cp "$classpath" "$mainclass" "$@"
