#!/usr/bin/env bash
# Zero-loss rolling restart, measured: a throwaway PostgreSQL cluster under target/, two platform nodes on it, HAProxy
# in front (round robin, health checks on /api/v1/health/ready), authenticated GETs from several threads through
# HAProxy, and each node restarted in turn with SIGTERM while the load runs. Prints the requests sent and failed; exits
# 1 if any failed. Not part of `mvn test`: it needs HAProxy and PostgreSQL 15's binaries, and takes a few minutes.
#
#   mvn -q package -DskipTests && scripts/rolling-restart-check.sh
#
# Settings (environment): THREADS (8), ROUNDS (2: each node restarted this many times), LEARNERS (2000),
# DRAIN (5: the nodes' --drain-seconds), PG_BIN (/usr/lib/postgresql/15/bin).
set -euo pipefail
cd "$(dirname "$0")/.."

THREADS=${THREADS:-8}
ROUNDS=${ROUNDS:-2}
LEARNERS=${LEARNERS:-2000}
DRAIN=${DRAIN:-5}
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
JAR=target/member-console.jar
# Java 25: JAVA_HOME's, else Temurin 25 where CI keeps it, else the one on the path
if [ -z "${JAVA_HOME:-}" ] && [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then
  JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
WORK=$(pwd)/target/rolling-restart
[ -f "$JAR" ] || { echo "Build the jar first: mvn -q package -DskipTests" >&2; exit 2; }
command -v haproxy >/dev/null || { echo "HAProxy is needed: apt-get install -y haproxy" >&2; exit 2; }
[ -x "$PG_BIN/initdb" ] || { echo "PostgreSQL's binaries are needed in $PG_BIN (or set PG_BIN)" >&2; exit 2; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
# PostgreSQL refuses to run as root: as root, its commands run as the postgres user.
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

PG_PORT=$(free_port); LB_PORT=$(free_port)
declare -A PORT=([node-a]=$(free_port) [node-b]=$(free_port)) PID=()
KEY=$(head -c 32 /dev/urandom | base64)
URL="jdbc:postgresql://127.0.0.1:$PG_PORT/iqracity"

cleanup() {
  touch "$WORK/stop-load"
  for node in "${!PID[@]}"; do kill -TERM "${PID[$node]}" 2>/dev/null || true; done
  [ -f "$WORK/haproxy.pid" ] && kill "$(cat "$WORK/haproxy.pid")" 2>/dev/null || true
  as_pg "$PG_BIN/pg_ctl" -D "$WORK/pg" -m fast stop >/dev/null 2>&1 || true
  wait 2>/dev/null || true
}
trap cleanup EXIT

rm -rf "$WORK" && mkdir -p "$WORK/pg" "$WORK/pgrun"
[ "$(id -u)" = 0 ] && chown postgres "$WORK/pg" "$WORK/pgrun"
echo "PostgreSQL on port $PG_PORT (cluster in $WORK/pg)"
as_pg "$PG_BIN/initdb" -D "$WORK/pg" -U postgres --auth=trust >"$WORK/initdb.log"
as_pg "$PG_BIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pgrun/postgresql.log" -w \
  -o "-p $PG_PORT -k $WORK/pgrun -c listen_addresses=127.0.0.1 -c max_connections=100" start >/dev/null
as_pg "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -q \
  -c "CREATE ROLE iqracity LOGIN PASSWORD 'rolling'" -c "CREATE DATABASE iqracity OWNER iqracity"

start_node() {
  local node=$1
  IQRACITY_MASTER_KEY=$KEY PLATFORM_DB_USER=iqracity PLATFORM_DB_PASSWORD=rolling \
    "$JAVA" -Xmx512m -jar "$JAR" platform --db "$URL" --sandbox --learners "$LEARNERS" --node-id "$node" \
      --port "${PORT[$node]}" --data "$WORK/$node" --db-pool 12 --drain-seconds "$DRAIN" --grace-seconds 30 \
      >>"$WORK/$node.log" 2>&1 &
  PID[$node]=$!
  for _ in $(seq 1 600); do
    curl -fsS -o /dev/null "http://127.0.0.1:${PORT[$node]}/api/v1/health/ready" 2>/dev/null && return 0
    kill -0 "${PID[$node]}" 2>/dev/null || { echo "$node ended; see $WORK/$node.log" >&2; exit 1; }
    sleep 0.5
  done
  echo "$node did not get ready; see $WORK/$node.log" >&2; exit 1
}

echo "Starting node-a (it loads a sandbox of $LEARNERS learners) and node-b"
start_node node-a
start_node node-b

cat >"$WORK/haproxy.cfg" <<CFG
global
  maxconn 2000
defaults
  mode http
  timeout connect 2s
  timeout client 60s
  timeout server 60s
frontend api
  bind 127.0.0.1:$LB_PORT
  default_backend nodes
backend nodes
  balance roundrobin
  option httpchk GET /api/v1/health/ready
  http-check expect status 200
  default-server inter 1s fall 2 rise 2
  server node-a 127.0.0.1:${PORT[node-a]} check
  server node-b 127.0.0.1:${PORT[node-b]} check
CFG
haproxy -f "$WORK/haproxy.cfg" -D -p "$WORK/haproxy.pid"
sleep 3
echo "HAProxy on port $LB_PORT; load: $THREADS threads of authenticated GET /api/v1/courses"

"$JAVA" scripts/RollingLoad.java "http://127.0.0.1:$LB_PORT" "$THREADS" "$WORK/stop-load" >"$WORK/load.out" 2>&1 &
LOAD=$!
sleep 10
restarts=0
for round in $(seq 1 "$ROUNDS"); do
  for node in node-a node-b; do
    started=$(date +%s.%N)
    kill -TERM "${PID[$node]}"
    wait "${PID[$node]}" || true
    stopped=$(date +%s.%N)
    start_node "$node"
    ready=$(date +%s.%N)
    restarts=$((restarts + 1))
    printf 'round %d: %s stopped in %.1f s (SIGTERM to exit), ready again %.1f s later\n' "$round" "$node" \
      "$(echo "$stopped - $started" | bc)" "$(echo "$ready - $stopped" | bc)"
    sleep 8  # HAProxy sees it ready (rise 2 at 1 s), and the load runs on both for a while
  done
done
touch "$WORK/stop-load"
wait "$LOAD" || true
result=$(tail -1 "$WORK/load.out")
echo "$restarts restarts under load through HAProxy: $result"
case "$result" in
  *"failed 0,"*) exit 0 ;;
  *) exit 1 ;;
esac
