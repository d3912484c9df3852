#!/usr/bin/env bash
# Records a JDK AOT cache (JDK 25: -XX:AOTCacheOutput) into a jpackage app image, so that the installed console
# finds its classes already loaded and linked instead of reading and verifying ~7,000 of them at every start.
#
# The training run is one real start of the packaged console: sign-in window, embedded sandbox (small, in a
# temporary folder), database, HTTP server. When the sandbox serves, the console is stopped and the JVM writes
# the cache; then the launcher's configuration is told to use it. Paths inside the cache are relative to the
# image, so the image may be moved or installed elsewhere. Without this step the image works the same, only
# slower to start.
#
# Usage: packaging/aot-training.sh <app image> (target/package/member-console, or member-console.app on macOS)
# Needs a display; on a headless Linux an Xvfb is started for the run if one is installed.
set -euo pipefail

image=${1:?usage: aot-training.sh <app image>}
if [ -d "$image/Contents" ]; then
  app="$image/Contents/app"
  launcher="$image/Contents/MacOS/member-console"
else
  app="$image/lib/app"
  launcher="$image/bin/member-console"
fi
cache="$app/member-console.aot"
cfg="$app/member-console.cfg"
[ -x "$launcher" ] && [ -f "$cfg" ] || { echo "aot-training: $image is not a member-console app image" >&2; exit 1; }

work=$(mktemp -d)
xvfb_pid=""
console_pid=""
cleanup() {
  [ -n "$console_pid" ] && kill "$console_pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

if [ -z "${DISPLAY:-}" ] && [ "$(uname)" = Linux ]; then
  command -v Xvfb >/dev/null || { echo "aot-training: no DISPLAY and no Xvfb to start" >&2; exit 1; }
  # -displayfd: Xvfb picks a free display number and writes it once it accepts connections.
  Xvfb -displayfd 3 -screen 0 1280x800x24 3>"$work/display" >/dev/null 2>&1 &
  xvfb_pid=$!
  for _ in $(seq 1 100); do [ -s "$work/display" ] && break; sleep 0.1; done
  export DISPLAY=":$(cat "$work/display")"
fi

# A cache from an earlier run is replaced; its line in the configuration would clash with AOTCacheOutput.
rm -f "$cache"
grep -v 'AOTCache' "$cfg" > "$work/cfg" && cat "$work/cfg" > "$cfg"

log="$work/data/logs/member-console.log"
JAVA_TOOL_OPTIONS="-XX:AOTCacheOutput=$cache" "$launcher" --data-dir "$work/data" --sandbox-learners 200 \
    > "$work/console.out" 2>&1 &
console_pid=$!
served=""
for _ in $(seq 1 900); do
  if grep -q "Platform API serving" "$log" 2>/dev/null; then served=yes; break; fi
  kill -0 "$console_pid" 2>/dev/null || break
  sleep 0.2
done
if [ -z "$served" ]; then
  echo "aot-training: the console did not start its sandbox; its output:" >&2
  cat "$work/console.out" >&2
  exit 1
fi
grep -q "Sign-in window shown" "$log" || { echo "aot-training: no sign-in window was shown" >&2; exit 1; }

# SIGTERM ends the JVM normally (shutdown hooks, then the cache is written); wait for the cache to be assembled.
kill -TERM "$console_pid"
wait "$console_pid" || true
console_pid=""
[ -s "$cache" ] || { echo "aot-training: no AOT cache was written; console output:" >&2; cat "$work/console.out" >&2; exit 1; }
echo 'java-options=-XX:AOTCache=$APPDIR/member-console.aot' >> "$cfg"
echo "aot-training: $(du -h "$cache" | cut -f1) AOT cache recorded in $cache"
