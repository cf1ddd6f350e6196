#!/usr/bin/env bash
# Query benchmark (issue 4): a point SELECT by primary key over the HTTP API, against its baselines,
# all measured in the same run on this machine.
#
#   bench/query-bench.sh [seconds-per-run]          (default 10)
#
# Starts its own `ayb server` (embedded default: SQLite metadata, temporary data folder, port
# $BENCH_PORT or 5499), registers an account through the file e-mail backend, creates a database
# with a 100 000-row table and measures, with wrk on loopback (keep-alive):
#   * POST /v1/bench/points/query "SELECT * FROM t WHERE id = <random>" at 1, 4 and 16 clients
#   * GET /health (ayb's health endpoint: JSON and one metadata lookup) and GET /health/live at the
#     same client counts: the framework's own ceiling
#   * the same point SELECT in-process through sqlite-jdbc (the floor), same client counts
#   * pgbench -S -M simple against the local PostgreSQL (127.0.0.1:5432, user postgres), scale 1
#     (100 000 rows), same client counts: what a user would pick instead
#   * the first query on a cold database (spawn of its sandboxed daemon), p50 of 15
#   * resident memory of an idle daemon
# Needs: a build (./mvnw -q package -DskipTests), wrk, pgbench/psql, python3, curl.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
seconds="${1:-10}"
port="${BENCH_PORT:-5499}"
base="http://127.0.0.1:$port"
clients=(1 4 16)

for tool in wrk pgbench psql python3 curl; do
  command -v "$tool" >/dev/null || { echo "Error: $tool is needed (apt-get install wrk postgresql-client python3 curl)" >&2; exit 1; }
done
[ -f client-cli/target/ayb-cli.jar ] || { echo "Error: build first: ./mvnw -q package -DskipTests" >&2; exit 1; }

work="$(mktemp -d /tmp/ayb-bench.XXXXXX)"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true  # SIGINT is ignored by background jobs
    wait "$server_pid" 2>/dev/null || true
  fi
  psql -h 127.0.0.1 -U postgres -d postgres -q -c 'DROP DATABASE IF EXISTS ayb_bench' >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "# ayb query benchmark — $(date -u +%FT%TZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), ${seconds}s per run"

# ---- the server ------------------------------------------------------------------------------
cd "$work"
. "$root/bench/bench-server.sh"
# Throughput, not fair sharing, is measured here: the per-entity query limits are off.
start_server AYB__LIMITS__QUERIES_PER_MINUTE=0 AYB__LIMITS__CONCURRENT_QUERIES=0
token="$(register_account bench)"
auth=(-H "Authorization: Bearer $token")

curl -fs -X POST "$base/v1/bench/points/create" "${auth[@]}" -H 'db-type: sqlite' -H 'public-sharing-level: no-access' >/dev/null
load_sql="CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT NOT NULL, score REAL NOT NULL);
WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 100000)
INSERT INTO t SELECT i, 'name-' || i, i / 7.0 FROM c;
SELECT count(*) FROM t;"
rows="$(curl -fs -X POST "$base/v1/bench/points/query" "${auth[@]}" --data-binary "$load_sql")"
echo "loaded: $rows"

cat >"$work/point.lua" <<EOF
math.randomseed(os.time())
wrk.method = "POST"
wrk.headers["Authorization"] = "Bearer $token"
wrk.headers["Content-Type"] = "text/plain"
request = function()
  return wrk.format(nil, "/v1/bench/points/query", nil, "SELECT * FROM t WHERE id = " .. math.random(1, 100000))
end
EOF
cat >"$work/report.lua" <<'EOF'
done = function(summary, latency, requests)
  local errors = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT %.0f %.2f %.2f %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, errors))
end
EOF
cat "$work/report.lua" >>"$work/point.lua"

# wrk_run <lua-or-empty> <path> <clients> -> "rps p50ms p99ms errors"
wrk_run() {
  local script="$1" path="$2" c="$3" threads=$(( $3 < 2 ? 1 : 2 ))
  local args=(-t"$threads" -c"$c" -d"${seconds}s" --latency)
  [ -n "$script" ] && args+=(-s "$script")
  wrk "${args[@]}" "$base$path" | awk '/^RESULT/ {print $2, $3, $4, $5}'
}
# warm up the JIT on every path measured
wrk -t2 -c4 -d"$(( seconds < 10 ? 10 : seconds ))s" -s "$work/point.lua" "$base/" >/dev/null
wrk -t2 -c4 -d"$(( seconds < 10 ? 10 : seconds ))s" -s "$work/report.lua" "$base/health" >/dev/null
wrk -t2 -c4 -d5s -s "$work/report.lua" "$base/health/live" >/dev/null

declare -A result
for c in "${clients[@]}"; do
  result[query,$c]="$(wrk_run "$work/point.lua" / "$c")"
  result[health,$c]="$(wrk_run "$work/report.lua" /health "$c")"
  result[live,$c]="$(wrk_run "$work/report.lua" /health/live "$c")"
done

# ---- cold first query (daemon spawn) and idle daemon memory -----------------------------------
cold=()
for i in $(seq 1 15); do
  curl -fs -X POST "$base/v1/bench/cold$i/create" "${auth[@]}" -H 'db-type: sqlite' -H 'public-sharing-level: no-access' >/dev/null
  t="$(curl -fs -o /dev/null -w '%{time_total}' -X POST "$base/v1/bench/cold$i/query" "${auth[@]}" --data-binary 'CREATE TABLE x(a); SELECT 1')"
  cold+=("$t")
done
warm_once="$(curl -fs -o /dev/null -w '%{time_total}' -X POST "$base/v1/bench/cold15/query" "${auth[@]}" --data-binary 'SELECT 1')"
sleep 2
# This server's processes only: the launcher ($server_pid), its Payara Micro JVM, and the daemons
# below that (other servers may run on the machine).
descendants() { local p; for p in $(pgrep -P "$1"); do echo "$p"; descendants "$p"; done; }
payara_pid="$(pgrep -P "$server_pid" -f payara-micro.jar | head -1)"
daemon_rss=""
for p in $(descendants "$payara_pid"); do
  if tr '\0' ' ' <"/proc/$p/cmdline" 2>/dev/null | grep -q 'org.aybdb.sandbox.daemon.QueryDaemon'; then
    daemon_rss+="$(ps -o rss= -p "$p") "
  fi
done
server_rss="$(ps -o rss= -p "$payara_pid" 2>/dev/null || echo 0)"

# ---- baseline: sqlite-jdbc in-process ----------------------------------------------------------
sqlite_jar="$(find "$HOME/.m2/repository/org/xerial/sqlite-jdbc" -name 'sqlite-jdbc-*.jar' | sort -V | tail -1)"
declare -A floor
for c in "${clients[@]}"; do
  floor[$c]="$(java -Xmx256m -cp "$sqlite_jar" "$root/bench/SqliteJdbcBaseline.java" "$work/floor.sqlite" "$c" "$seconds")"
done

# ---- baseline: pgbench -S -M simple ------------------------------------------------------------
psql -h 127.0.0.1 -U postgres -d postgres -q -c 'DROP DATABASE IF EXISTS ayb_bench' -c 'CREATE DATABASE ayb_bench' >/dev/null
pgbench -h 127.0.0.1 -U postgres -i -s 1 -q ayb_bench >/dev/null 2>&1
declare -A pg
for c in "${clients[@]}"; do
  rm -rf "$work/pglog" && mkdir "$work/pglog"
  tps="$( (cd "$work/pglog" && pgbench -h 127.0.0.1 -U postgres -S -M simple -c "$c" -j $(( c < 2 ? 1 : 2 )) -T "$seconds" -l ayb_bench 2>/dev/null) | awk '/^tps/ {print $3; exit}')"
  pct="$(cat "$work"/pglog/pgbench_log.* | python3 -c '
import sys
v=sorted(int(l.split()[2]) for l in sys.stdin if l.strip())
print("%.2f %.2f" % (v[len(v)//2]/1000, v[int(len(v)*0.99)]/1000))')"
  pg[$c]="$tps $pct"
done

# ---- report ------------------------------------------------------------------------------------
python3 - "$seconds" <<EOF
clients = [1, 4, 16]
def parse(s):
    p = s.split(); return [float(x) for x in p]
q = {c: parse(x) for c, x in zip(clients, """${result[query,1]}|${result[query,4]}|${result[query,16]}""".split("|"))}
h = {c: parse(x) for c, x in zip(clients, """${result[health,1]}|${result[health,4]}|${result[health,16]}""".split("|"))}
l = {c: parse(x) for c, x in zip(clients, """${result[live,1]}|${result[live,4]}|${result[live,16]}""".split("|"))}
f = {c: parse(x) for c, x in zip(clients, """${floor[1]}|${floor[4]}|${floor[16]}""".split("|"))}
g = {c: parse(x) for c, x in zip(clients, """${pg[1]}|${pg[4]}|${pg[16]}""".split("|"))}
print()
print("| clients | what | requests/s | p50 ms | p99 ms |")
print("| --- | --- | ---: | ---: | ---: |")
for c in clients:
    print(f"| {c} | ayb point SELECT over HTTP | {q[c][0]:.0f} | {q[c][1]:.2f} | {q[c][2]:.2f} |" + (f" ({q[c][3]:.0f} errors)" if q[c][3] else ""))
    print(f"| {c} | GET /health (framework ceiling) | {h[c][0]:.0f} | {h[c][1]:.2f} | {h[c][2]:.2f} |")
    print(f"| {c} | GET /health/live | {l[c][0]:.0f} | {l[c][1]:.2f} | {l[c][2]:.2f} |")
    print(f"| {c} | sqlite-jdbc in-process (floor) | {f[c][0]:.0f} | {f[c][1]:.3f} | {f[c][2]:.3f} |")
    print(f"| {c} | pgbench -S -M simple | {g[c][0]:.0f} | {g[c][1]:.2f} | {g[c][2]:.2f} |")
print()
for c in clients:
    print(f"ratio at {c} clients: query/health = {q[c][0]/h[c][0]:.2f}, query/live = {q[c][0]/l[c][0]:.2f}, query/pgbench = {q[c][0]/g[c][0]:.2f}")
cold = sorted(float(x) * 1000 for x in "${cold[*]}".split())
print(f"cold first query (create table + select on a new database; daemon spawn): p50 {cold[len(cold)//2]:.0f} ms, min {cold[0]:.0f} ms, max {cold[-1]:.0f} ms; the next query: {float('$warm_once')*1000:.1f} ms")
rss = sorted(int(x) for x in "$(echo $daemon_rss)".split())
if rss:
    print(f"idle daemons: {len(rss)}, resident memory p50 {rss[len(rss)//2]/1024:.1f} MB (min {rss[0]/1024:.1f}, max {rss[-1]/1024:.1f}); server JVM {int('${server_rss:-0}' or 0)/1024:.0f} MB")
else:
    print("idle daemons: none found")
EOF
