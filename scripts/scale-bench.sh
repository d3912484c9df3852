#!/usr/bin/env bash
# The platform as operators scale it (issue 30): PostgreSQL, two platform nodes and HAProxy on this machine.
# Reports requests/s and p95 through HAProxy to one node and to two, and the access-log append rate of one Member
# under N concurrent writers (every learner view and every list appends to its Member's one chain head).
# Not part of `mvn test`; docs/performance.md has its figures.
#
# Usage: scripts/scale-bench.sh [seconds per run, default 20] [learners in the sandbox, default 2000]
# Settings: SCALE_CLIENTS (32), SCALE_WRITERS ("1 4 16 64"), SCALE_HEAP (512m), SCALE_BACKEND (a line more in
# HAProxy's backends).
# Needs: target/member-console.jar (mvn -q package -DskipTests), PostgreSQL's server binaries (PG_BIN, default
# /usr/lib/postgresql/15/bin), haproxy, ab (apache2-utils), curl, jq. Run as root it runs PostgreSQL as the
# postgres user. Everything lives under target/scale-bench and is stopped at the end.
set -euo pipefail

seconds=${1:-20}
learners=${2:-2000}
repo=$(cd "$(dirname "$0")/.." && pwd)
jar="$repo/target/member-console.jar"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
pg_bin=${PG_BIN:-/usr/lib/postgresql/15/bin}
work="$repo/target/scale-bench"
pg_port=25433 node_a=18101 node_b=18102 one=18110 two=18111
clients=${SCALE_CLIENTS:-32}
writers=${SCALE_WRITERS:-1 4 16 64}
heap=${SCALE_HEAP:-512m}
pids=()

die() { echo "scale-bench: $*" >&2; exit 1; }
for tool in haproxy ab curl jq "$pg_bin/pg_ctl"; do command -v "$tool" >/dev/null || die "$tool is missing"; done
[ -f "$jar" ] || die "no $jar: mvn -q package -DskipTests first"

as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
psql_su() { as_pg "$pg_bin/psql" -h "$work/sock" -p $pg_port -U postgres -d bench -Atq "$@"; }

stop_all() {
  local pid
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  [ -f "$work/pg/postmaster.pid" ] && as_pg "$pg_bin/pg_ctl" -D "$work/pg" -m fast stop >/dev/null 2>&1 || true
}
trap stop_all EXIT

rm -rf "$work"
mkdir -p "$work/sock" "$work/ab"
[ "$(id -u)" = 0 ] && chown postgres "$work" "$work/sock"

echo "== PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on port $pg_port (max_connections 100)"
as_pg "$pg_bin/initdb" -D "$work/pg" -U postgres -A trust >/dev/null
as_pg "$pg_bin/pg_ctl" -D "$work/pg" -l "$work/pg.log" -w \
    -o "-p $pg_port -k $work/sock -c listen_addresses=127.0.0.1" start >/dev/null
as_pg "$pg_bin/createdb" -h "$work/sock" -p $pg_port -U postgres bench

export IQRACITY_MASTER_KEY PLATFORM_DB_USER=postgres PLATFORM_DB_PASSWORD=unused PLATFORM_TRUSTED_PROXIES=127.0.0.1
IQRACITY_MASTER_KEY=$(openssl rand -base64 32)
db="jdbc:postgresql://127.0.0.1:$pg_port/bench"

start_node() { # name port [--sandbox]
  mkdir -p "$work/$1"
  PLATFORM_NODE_ID=$1 "$java" -Xmx$heap -jar "$jar" platform --db "$db" --port "$2" --data "$work/$1" \
      ${3:+$3 --learners $learners} > "$work/$1.log" 2>&1 &
  pids+=($!)
  local i
  for i in $(seq 600); do
    curl -fs -o /dev/null "http://127.0.0.1:$2/api/v1/health/ready" && return 0
    kill -0 "${pids[-1]}" 2>/dev/null || { tail -5 "$work/$1.log"; die "node $1 did not start"; }
    sleep 1
  done
  die "node $1 was not ready after 600 s"
}
echo "== node-a (seeds a sandbox of $learners learners) and node-b, -Xmx$heap each"
start_node node-a $node_a --sandbox
start_node node-b $node_b

# HAProxy as in packaging/platform/haproxy.cfg: one frontend to node-a alone, one to both, round robin.
sed -e "/^frontend/,\$d" -e 's|^\(    log .*\)|#\1|' "$repo/packaging/platform/haproxy.cfg" > "$work/haproxy.cfg"
checks=$(sed -n '/option httpchk/,/default-server/p' "$repo/packaging/platform/haproxy.cfg")
# SCALE_BACKEND="http-reuse always", for instance: a line more in both backends, to try a setting
[ -n "${SCALE_BACKEND:-}" ] && checks="$checks
    $SCALE_BACKEND"
cat >> "$work/haproxy.cfg" <<EOF
frontend one
    bind 127.0.0.1:$one
    default_backend one_node
frontend two
    bind 127.0.0.1:$two
    default_backend two_nodes
backend one_node
    balance roundrobin
    option forwardfor
$checks
    server node-a 127.0.0.1:$node_a check
backend two_nodes
    balance roundrobin
    option forwardfor
$checks
    server node-a 127.0.0.1:$node_a check
    server node-b 127.0.0.1:$node_b check
EOF
haproxy -c -q -f "$work/haproxy.cfg" || die "HAProxy refuses $work/haproxy.cfg"
haproxy -f "$work/haproxy.cfg" > "$work/haproxy.log" 2>&1 &
pids+=($!)
for i in $(seq 30); do curl -fs -o /dev/null "http://127.0.0.1:$two/api/v1/health/ready" && break; sleep 1; done
sleep 12   # both servers through their rise checks and HAProxy's slow start

sign_in() { # port username -> access token
  curl -fs -H 'Content-Type: application/json' \
      -d "{\"username\":\"$2\",\"password\":\"sandbox-password\"}" "http://127.0.0.1:$1/api/v1/session" | jq -r .accessToken
}
get() { curl -fs -H "Authorization: Bearer $2" "http://127.0.0.1:$1$3"; }

# One run of ab per staff member at once (their Members' chains apart), c clients in all. Prints "requests req/s
# p50 p95 failed", the percentiles in ms over every request of every run (ab's -g files).
load() { # label port clients list|view staff...
  local label=$1 port=$2 c=$3 kind=$4; shift 4
  local staff per token course learner url n=0 files=() ab_pids=()
  per=$(( c / $# )); [ $per -ge 1 ] || per=1
  for staff in "$@"; do
    token=$(sign_in "$port" "$staff")
    course=$(get "$port" "$token" /api/v1/courses | jq -r '.items[0].id | @uri')
    url="http://127.0.0.1:$port/api/v1/courses/$course/learners?limit=50"
    if [ "$kind" = view ]; then
      learner=$(get "$port" "$token" "/api/v1/courses/$course/learners?limit=1" | jq -r '.items[0].learnerId | @uri')
      url="http://127.0.0.1:$port/api/v1/courses/$course/learners/$learner"
    fi
    n=$((n + 1))
    ab -q -k -c $per -t "$seconds" -H "Authorization: Bearer $token" -g "$work/ab/$label-$n.tsv" "$url" \
        > "$work/ab/$label-$n.txt" 2>&1 &
    ab_pids+=($!)
    files+=("$work/ab/$label-$n")
  done
  for pid in "${ab_pids[@]}"; do wait "$pid" || die "ab failed: $(tail -2 "$work/ab/$label-1.txt")"; done
  stats "${files[@]}"
}

stats() { # ab outputs... -> requests req/s p50 p95 failed
  local rps=0 failed=0 f times count
  for f in "$@"; do
    rps=$(awk -v a="$rps" '/Requests per second/ {printf "%.0f", a + $4}' "$f.txt")
    failed=$((failed + $(awk '/Failed requests/ {print $3}' "$f.txt")))
    failed=$((failed + $(awk '/Non-2xx responses/ {n = $3} END {print n + 0}' "$f.txt")))
  done
  times=$(for f in "$@"; do tail -n +2 "$f.tsv" | cut -f5; done | sort -n)
  count=$(wc -l <<< "$times")
  echo "$count $rps $(sed -n "$(( (count * 50 + 99) / 100 ))p" <<< "$times") \
$(sed -n "$(( (count * 95 + 99) / 100 ))p" <<< "$times") $failed"
}

chain_check() { # member: entries, whether each links to the one before it, and whether the head is on the last
  psql_su -c "SELECT count(*) || ' entries, ' ||
      CASE WHEN count(*) = max(seq) AND bool_and(prev_ok) THEN 'every one linked to the one before'
           ELSE 'NOT LINKED' END || ', head ' ||
      CASE WHEN max(seq) = (SELECT seq FROM access_log_head WHERE member_id = '$1') THEN 'on the last entry'
           ELSE 'ELSEWHERE' END
    FROM (SELECT seq, prev_hash = coalesce(lag(hash) OVER (ORDER BY seq), repeat('0', 64)) AS prev_ok
          FROM access_log WHERE member_id = '$1') c"
}

entries() { psql_su -c "SELECT count(*) FROM access_log WHERE member_id = 'northbridge'"; }

# Warm-up, not reported: both nodes' compilers and caches, through the two-node frontend.
load warm-list $two "$clients" list nb-admin sahel-admin lk-admin > /dev/null
load warm-view $two "$clients" view nb-admin sahel-admin lk-admin > /dev/null

echo
echo "$(date -u +%FT%TZ), $(nproc) cores shared by PostgreSQL, both nodes, HAProxy and ab; $seconds s a run;" \
    "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "Through HAProxy, $clients clients split over the staff of three Members (three chains)"
echo
echo '| requests | nodes | answered | req/s | p50 ms | p95 ms | failed |'
echo '|---|---|---|---|---|---|---|'
for kind in list view; do
  for nodes in 1 2; do
    port=$([ $nodes = 1 ] && echo $one || echo $two)
    read -r count rps p50 p95 failed < <(load "$kind-$nodes" "$port" "$clients" "$kind" nb-admin sahel-admin lk-admin)
    printf '| %s | %s | %s | %s | %s | %s | %s |\n' \
        "$([ $kind = list ] && echo 'page of 50 learners' || echo 'one learner (a view)')" \
        "$nodes" "$count" "$rps" "$p50" "$p95" "$failed"
  done
done

echo
echo "One Member's chain (northbridge) under N concurrent writers: learner views by nb-admin through HAProxy"
echo
echo '| writers | nodes | views | appends/s | p50 ms | p95 ms | failed | entries added |'
echo '|---|---|---|---|---|---|---|---|'
for nodes in 1 2; do
  port=$([ $nodes = 1 ] && echo $one || echo $two)
  for n in $writers; do
    before=$(entries)
    read -r count rps p50 p95 failed < <(load "chain-$n-$nodes" "$port" "$n" view nb-admin)
    sleep 3   # the views still in flight when ab stopped are appended before the count
    printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "$n" "$nodes" "$count" "$rps" "$p50" "$p95" "$failed" \
        "$(( $(entries) - before ))"
  done
done
echo
echo "(entries added = the views ab counted, the sign-in and the lists each run makes first, and the views still in"
echo " flight when ab stopped at its time limit, at most one per writer: none lost)"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "northbridge's chain afterwards: $(chain_check northbridge)"
