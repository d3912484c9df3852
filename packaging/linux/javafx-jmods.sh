#!/usr/bin/env bash
# Turns the JavaFX jars Maven fetched (javafx-*-linux.jar) into jmod files for jlink, so that the app image holds
# JavaFX's native libraries in its runtime's lib/ folder, where the JavaFX runtime loads them from.
#
# Why: a JavaFX jar carries its .so files as resources; linked from the jar, JavaFX copies them at the first start
# into each user's ~/.openjfx/cache and loads them from there (a home folder filling with libraries, and code run
# from a folder the user can write). Gluon's own jmods are not on Maven Central; these are the same modules with the
# libraries moved from the class content to the jmod's native-library section.
#
# Usage: packaging/linux/javafx-jmods.sh <folder of javafx jars> <folder for the jmods>
set -euo pipefail

jars=$(realpath -- "${1:?usage: javafx-jmods.sh <javafx jars> <jmods>}")
out=$(realpath -m -- "${2:?usage: javafx-jmods.sh <javafx jars> <jmods>}")
bin=${JAVA_HOME:+$JAVA_HOME/bin/}

rm -rf "$out"
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

shopt -s nullglob
found=0
for jar in "$jars"/javafx-*.jar; do
  module=$("${bin}jar" --describe-module --file "$jar" | head -1)
  name=${module%%@*}
  version=${module#*@}; version=${version%% *}
  [ -n "$name" ] && [ "$name" != "$module" ] || { echo "javafx-jmods: $jar is not a modular jar" >&2; exit 1; }
  classes="$work/$name/classes"
  libs="$work/$name/libs"
  mkdir -p "$classes" "$libs"
  (cd "$classes" && "${bin}jar" --extract --file "$jar")
  for so in "$classes"/*.so; do mv "$so" "$libs/"; done
  # the SWT bridge (javafx-swt.jar) is for SWT applications; the console is not one
  rm -rf "$classes/META-INF" "$classes/javafx-swt.jar"
  args=(--class-path "$classes" --module-version "$version")
  [ -n "$(ls -A "$libs")" ] && args+=(--libs "$libs")
  "${bin}jmod" create "${args[@]}" "$out/$name.jmod"
  echo "javafx-jmods: $name.jmod ($(ls "$libs" | wc -l) native libraries)"
  found=$((found + 1))
done
[ "$found" -gt 0 ] || { echo "javafx-jmods: no javafx-*.jar in $jars" >&2; exit 1; }
