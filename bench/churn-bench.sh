#!/usr/bin/env bash
# Churn benchmark (issue 21): point SELECTs spread over more busy databases than the pool keeps
# daemons for, so that requests miss (their database has no daemon) and wait for a spawn.
#
#   bench/churn-bench.sh [seconds-per-run] [clients] [databases] [max-daemons]
#                                                     (default 20, 16 clients, 40 databases, 16)
#
# Runs its own `ayb server` twice ([sandbox] max_daemons = <max-daemons>, a temporary data folder,
# port $BENCH_PORT or 5498): first with [sandbox] prestarted_launchers = 0 — every daemon starts
# from nothing, the first stage's JVM and then the daemon's: the baseline, as before first stages
# were started ahead of need — then with the default (2). Each server gets <databases> databases
# with a 1 000-row table each, measured with wrk on loopback (keep-alive), each request to a
# random database:
#   * fit:   the same load over only <max-daemons> of the databases (every daemon stays: no miss)
#   * churn: the load over all <databases> databases (least-recently-used eviction on every miss)
# and for each: requests/s, p50, p99, daemon spawns per second and the mean spawn time (from
# /metrics), and the share of requests that missed; and the mean spawn time of one daemon at a
# time (the set-up's first queries, one every 0.5 s, so that waiting first stages are ready), to
# tell a spawn's own cost from waiting for the CPU. Needs: a build (./mvnw -q package
# -DskipTests), wrk, python3, curl.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
seconds="${1:-20}"
clients="${2:-16}"
databases="${3:-40}"
max_daemons="${4:-16}"
port="${BENCH_PORT:-5498}"
base="http://127.0.0.1:$port"

for tool in wrk python3 curl; do
  command -v "$tool" >/dev/null || { echo "Error: $tool is needed (apt-get install wrk python3 curl)" >&2; exit 1; }
done
[ -f client-cli/target/ayb-cli.jar ] || { echo "Error: build first: ./mvnw -q package -DskipTests" >&2; exit 1; }

work="$(mktemp -d /tmp/ayb-churn.XXXXXX)"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "# ayb churn benchmark — $(date -u +%FT%TZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# ${seconds}s per run, $clients clients, $databases databases, max_daemons = $max_daemons"

cd "$work"
. "$root/bench/bench-server.sh"

load_sql="CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT NOT NULL);
WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 1000)
INSERT INTO t SELECT i, 'name-' || i FROM c;"
# spawns -> "count sum-seconds" of daemon spawns so far
spawns() {
  curl -fs "$base/metrics" | awk '/^ayb_sandbox_spawns_seconds_count/ {c += $NF} /^ayb_sandbox_spawns_seconds_sum/ {s += $NF} END {printf "%d %.6f\n", c, s}'
}
# delta <before> <after> -> "count seconds" between two spawns readings
delta() {
  python3 -c 'import sys; a=sys.argv[1].split(); b=sys.argv[2].split(); print(int(b[0])-int(a[0]), float(b[1])-float(a[1]))' "$1" "$2"
}

# script <how many databases> -> a wrk script querying a random one of the first n
script() {
  cat >"$work/churn$1.lua" <<EOF
math.randomseed(os.time())
wrk.method = "POST"
wrk.headers["Authorization"] = "Bearer $token"
wrk.headers["Content-Type"] = "text/plain"
request = function()
  return wrk.format(nil, "/v1/churn/db" .. math.random(1, $1) .. ".sqlite/query", nil,
    "SELECT * FROM t WHERE id = " .. math.random(1, 1000))
end
done = function(summary, latency, requests)
  local errors = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT %d %.0f %.2f %.2f %d\n", summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, errors))
end
EOF
  echo "$work/churn$1.lua"
}
# run <how many databases> -> "requests rps p50 p99 errors spawns spawn-seconds"
run() {
  local lua; lua="$(script "$1")"
  local s0 s1 r
  s0="$(spawns)"
  r="$(wrk -t2 -c"$clients" -d"${seconds}s" --timeout 30s --latency -s "$lua" "$base/" | awk '/^RESULT/ {print $2, $3, $4, $5, $6}')"
  s1="$(spawns)"
  echo "$r $(delta "$s0" "$s1")"
}

# measure <prestarted_launchers>: a server of its own; writes the set-up's spawns, then the fit
# and the churn runs, one line each, to $work/result<prestarted_launchers>
measure() {
  rm -rf "$work/ayb_data"
  # Throughput under churn, not fair sharing, is measured here: the per-entity query limits are off.
  start_server AYB__SANDBOX__MAX_DAEMONS="$max_daemons" AYB__SANDBOX__PRESTARTED_LAUNCHERS="$1" \
    AYB__LIMITS__QUERIES_PER_MINUTE=0 AYB__LIMITS__CONCURRENT_QUERIES=0
  token="$(register_account churn)"
  local auth=(-H "Authorization: Bearer $token")
  local i before setup="0 0"
  for i in $(seq 1 "$databases"); do
    curl -fs -X POST "$base/v1/churn/db$i.sqlite/create" "${auth[@]}" -H 'db-type: sqlite' -H 'public-sharing-level: no-access' >/dev/null
  done
  # One database after the other: each first query spawns its daemon with nothing else running.
  for i in $(seq 1 "$databases"); do
    sleep 0.5
    before="$(spawns)"
    curl -fs -X POST "$base/v1/churn/db$i.sqlite/query" "${auth[@]}" --data-binary "$load_sql" >/dev/null
    setup="$(python3 -c 'import sys; a=sys.argv[1].split(); b=sys.argv[2].split(); print(int(a[0])+int(b[0]), float(a[1])+float(b[1]))' "$setup" "$(delta "$before" "$(spawns)")")"
  done
  # warm-up: the JIT on the query path; then the daemons of the fit set only (so that the fit run
  # starts with every daemon it needs)
  wrk -t2 -c4 -d10s -s "$(script "$databases")" "$base/" >/dev/null
  wrk -t2 -c4 -d5s -s "$(script "$max_daemons")" "$base/" >/dev/null
  {
    echo "$setup"
    run "$max_daemons"
    run "$databases"
  } >"$work/result$1"
  kill -TERM "$server_pid"
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
}

measure 0
measure 2

python3 - "$seconds" "$work/result0" "$work/result2" <<'EOF'
import sys
seconds = float(sys.argv[1])
runs = {}
for name, path in (("0 (baseline)", sys.argv[2]), ("2 (default)", sys.argv[3])):
    runs[name] = [line.split() for line in open(path)]
for name, (setup, _, _) in runs.items():
    n, total = setup
    print(f"prestarted_launchers = {name}: daemon spawn with nothing else running (first query of each database at set-up): mean {float(total) / max(int(n), 1) * 1000:.0f} ms over {n}")
print()
print("| prestarted_launchers | load | requests/s | p50 ms | p99 ms | errors | spawns/s | mean spawn ms | requests that missed |")
print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
for name, (_, fit, churn) in runs.items():
    for load, line in (("fit (no miss)", fit), ("churn", churn)):
        req, rps, p50, p99, err, spawns, spawn_s = line
        req, spawns, spawn_s = int(req), int(spawns), float(spawn_s)
        mean = spawn_s / spawns * 1000 if spawns else 0
        print(f"| {name} | {load} | {float(rps):.0f} | {float(p50):.1f} | {float(p99):.1f} | {err} | {spawns / seconds:.1f} | {mean:.0f} | {spawns / max(req, 1):.0%} |")
EOF
