#!/usr/bin/env bash
# Query benchmark (issues 4 and 16): a point SELECT by primary key over the HTTP API, broken down
# into the stages a request passes, against its baselines, all measured in the same run here.
#
#   bench/query-bench.sh [seconds-per-run]          (default 10)
#
# Starts its own `ayb server` (embedded default: SQLite metadata, temporary data folder, port
# $BENCH_PORT or 5499) on a copy of Payara Micro that also deploys a bare JAX-RS endpoint (built
# here from bench/BareEndpoint.java, never shipped), registers an account through the file e-mail
# backend, creates databases with a 100 000-row table and measures, with wrk on loopback
# (keep-alive), at 1 and 4 clients:
#   * GET /bench-bare/bare: a JAX-RS resource with no filter, bean or lookup (the container floor)
#   * GET /bench-bare/echo: the same plus one pipe round trip to a `cat` process (the floor of any
#     path that crosses into another process per request), and the best /query / /health that
#     such a hop leaves
#   * GET /health (ayb's health endpoint: JSON and one metadata lookup) and GET /health/live
#   * POST /v1/bench/points/query "SELECT * FROM t WHERE id = <random>" on ONE database, and at 4
#     clients spread over 4 databases
#   * a JFR recording of the server during a further 4-client /query run, summarized by package
#     (bench/jfr-summary.py): where the server's CPU goes per request
#   * the server's system calls per request for /health and /query at 1 client (strace -c, when
#     strace is installed and may attach)
#   * with perf (when installed and allowed to record system wide): the CPU of every process by
#     role, kernel or user space, per request, during 4-client /query and /health runs; and the
#     scheduler's wake-ups of a request's threads at 1 client for /health and /query, with the time
#     each woken thread waits for a CPU (bench/perf-summary.py)
#   * the daemon alone and through the pool (bench/DaemonBench.java: warm point query p50/p99, 4
#     readers of one database against 1), without HTTP, while the server idles
#   * the same point SELECT in-process through sqlite-jdbc (the floor)
#   * pgbench -S -M simple against the local PostgreSQL (127.0.0.1:5432, user postgres, a scratch
#     database ayb_bench), scale 1 (100 000 rows), at 1, 4 and 16 clients: what a user would pick
#   * the first query on a cold database (spawn of its sandboxed daemon), p50 of 15
#   * resident memory of an idle daemon
# and prints the ratios /query / /health, /health / bare, 4 clients / 1 client on one database and
# /query / pgbench, with the load average (the machine may be shared: compare ratios). The HTTP runs
# are repeated $BENCH_ROUNDS times (default 5), interleaved; each row gives its median round, each ratio
# the median of the ratios within the rounds.
# Needs: a build (./mvnw -q package -DskipTests), wrk, pgbench/psql, python3, curl and a JDK
# (javac, jar, jcmd, jfr).
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
seconds="${1:-10}"
port="${BENCH_PORT:-5499}"
base="http://127.0.0.1:$port"
clients=(1 4)
pg_clients=(1 4 16)

for tool in wrk pgbench psql python3 curl javac jar jcmd jfr; do
  command -v "$tool" >/dev/null || { echo "Error: $tool is needed (apt-get install wrk postgresql-client python3 curl, and a JDK)" >&2; exit 1; }
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

echo "# ayb query benchmark — $(date -u +%FT%TZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), ${seconds}s per run, $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?')"

# ---- the bare endpoint: its own WAR inside a copy of Payara Micro ------------------------------
# Payara Micro deploys every WAR under MICRO-INF/deploy of its jar (context root: the file name),
# so the copy serves /bench-bare/bare next to ayb without ayb shipping a bench endpoint.
api_jar="$(find "$HOME/.m2/repository/jakarta/platform/jakarta.jakartaee-api" -name 'jakarta.jakartaee-api-*.jar' | sort -V | tail -1)"
mkdir -p "$work/bare/WEB-INF/classes" "$work/micro/MICRO-INF/deploy"
javac -d "$work/bare/WEB-INF/classes" -cp "$api_jar" "$root/bench/BareEndpoint.java"
jar -c -f "$work/micro/MICRO-INF/deploy/bench-bare.war" -C "$work/bare" .
cp "$root/ayb-web/target/payara-micro.jar" "$work/payara-micro.jar"
jar -u -0 -f "$work/payara-micro.jar" -C "$work/micro" MICRO-INF/deploy/bench-bare.war
bench_payara_jar="$work/payara-micro.jar"

# ---- the server ------------------------------------------------------------------------------
cd "$work"
. "$root/bench/bench-server.sh"
# Throughput, not fair sharing, is measured here: the per-entity query limits are off.
start_server AYB__LIMITS__QUERIES_PER_MINUTE=0 AYB__LIMITS__CONCURRENT_QUERIES=0
token="$(register_account bench)"
auth=(-H "Authorization: Bearer $token")

load_sql="CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT NOT NULL, score REAL NOT NULL);
WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 100000)
INSERT INTO t SELECT i, 'name-' || i, i / 7.0 FROM c;
SELECT count(*) FROM t;"
for db in points points2 points3 points4; do
  curl -fs -X POST "$base/v1/bench/$db/create" "${auth[@]}" -H 'db-type: sqlite' -H 'public-sharing-level: no-access' >/dev/null
  rows="$(curl -fs -X POST "$base/v1/bench/$db/query" "${auth[@]}" --data-binary "$load_sql")"
done
echo "loaded: $rows (in each of 4 databases)"
curl -fs "$base/bench-bare/bare" >/dev/null || { echo "Error: the bare endpoint does not answer" >&2; exit 1; }

# point.lua: one database; spread.lua: 4 databases, one picked at random per request
for script in point spread; do
  path='"/v1/bench/points/query"'
  [ "$script" = spread ] && path='"/v1/bench/" .. dbs[math.random(1, 4)] .. "/query"'
  cat >"$work/$script.lua" <<EOF
math.randomseed(os.time())
dbs = {"points", "points2", "points3", "points4"}
wrk.method = "POST"
wrk.headers["Authorization"] = "Bearer $token"
wrk.headers["Content-Type"] = "text/plain"
request = function()
  return wrk.format(nil, $path, nil, "SELECT * FROM t WHERE id = " .. math.random(1, 100000))
end
EOF
done
cat >"$work/report.lua" <<'EOF'
done = function(summary, latency, requests)
  local errors = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT %.0f %.2f %.2f %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, errors))
end
EOF
cat "$work/report.lua" >>"$work/point.lua"
cat "$work/report.lua" >>"$work/spread.lua"

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
wrk -t2 -c4 -d5s -s "$work/report.lua" "$base/bench-bare/bare" >/dev/null
wrk -t2 -c4 -d5s -s "$work/report.lua" "$base/bench-bare/echo" >/dev/null
wrk -t2 -c4 -d5s -s "$work/spread.lua" "$base/" >/dev/null

# $BENCH_ROUNDS rounds (default 5) of every HTTP run, interleaved: on a shared or virtual machine
# rates swing by up to 2x between runs minutes apart (the host's load, not ours), so each row reports
# its median round (and the rates of all rounds), and every ratio is taken within a round between
# runs made one right after the other (bare, /health, /query at 1 client; /query, /health, bare at
# 4), its median over the rounds reported with its spread.
declare -A result
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
for _ in $(seq 1 "${BENCH_ROUNDS:-5}"); do
  result[bare,1]+="$(wrk_run "$work/report.lua" /bench-bare/bare 1);"
  result[health,1]+="$(wrk_run "$work/report.lua" /health 1);"
  result[query,1]+="$(wrk_run "$work/point.lua" / 1);"
  result[query,4]+="$(wrk_run "$work/point.lua" / 4);"
  result[health,4]+="$(wrk_run "$work/report.lua" /health 4);"
  result[bare,4]+="$(wrk_run "$work/report.lua" /bench-bare/bare 4);"
  for c in "${clients[@]}"; do
    result[echo,$c]+="$(wrk_run "$work/report.lua" /bench-bare/echo "$c");"
    result[live,$c]+="$(wrk_run "$work/report.lua" /health/live "$c");"
  done
  result[spread,4]+="$(wrk_run "$work/spread.lua" / 4);"
done
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

# ---- what the machine does per request: perf (system wide), when perf may record ---------------
# CPU by role (server request threads, daemons, wrk, idle; kernel or user space) during 4-client
# /query and /health runs, and the scheduler's wake-ups at 1 client for /health and /query: how
# many times a request's threads are woken and how long each then waits for a CPU
# (bench/perf-summary.py).
perf_cpu="n/a"
perf_cpu_health="n/a"
declare -A perf_sched=([health]="n/a" [query]="n/a")
if command -v perf >/dev/null && perf record -a -o "$work/probe.data" -- true >/dev/null 2>&1; then
  # perf_run <lua> <clients> <record...> : wrk for $seconds + 2 s, perf for $seconds s inside it;
  # prints the requests made while perf recorded (wrk's rate times the recorded time).
  perf_run() {
    local script="$1" c="$2" threads=$(( $2 < 2 ? 1 : 2 )) rate
    shift 2
    wrk -t"$threads" -c"$c" -d"$(( seconds + 2 ))s" -s "$script" "$base/" >"$work/perf-wrk.txt" &
    local load=$!
    sleep 1
    "$@" -- sleep "$seconds" >/dev/null 2>&1 || true
    wait "$load"
    rate="$(awk '/^RESULT/ {print $2}' "$work/perf-wrk.txt")"
    echo "$(( ${rate%.*} * seconds ))"
  }
  cp "$work/report.lua" "$work/health.lua"
  echo 'request = function() return wrk.format("GET", "/health") end' >>"$work/health.lua"
  n="$(perf_run "$work/point.lua" 4 perf record -a -F 999 -o "$work/cpu.data")"
  perf_cpu="$(python3 "$root/bench/perf-summary.py" cpu "$work/cpu.data" "$n")"
  n="$(perf_run "$work/health.lua" 4 perf record -a -F 999 -o "$work/cpu-health.data")"
  perf_cpu_health="$(python3 "$root/bench/perf-summary.py" cpu "$work/cpu-health.data" "$n")"
  for what in health query; do
    lua="$work/point.lua"
    [ "$what" = health ] && lua="$work/health.lua"
    n="$(perf_run "$lua" 1 perf sched record -a -o "$work/sched-$what.data")"
    perf_sched[$what]="$(python3 "$root/bench/perf-summary.py" sched "$work/sched-$what.data" "$n")"
  done
fi

# ---- where the server's CPU goes: JFR during a 4-client /query run ----------------------------
payara_pid="$(pgrep -P "$server_pid" -f payara-micro.jar | head -1)"
jcmd "$payara_pid" JFR.start name=bench settings=default filename="$work/query.jfr" >/dev/null
result[jfr,4]="$(wrk_run "$work/point.lua" / 4)"
jcmd "$payara_pid" JFR.stop name=bench >/dev/null
# BENCH_JFR_OUT=<file> keeps the recording (e.g. for `jfr print --events jdk.ExecutionSample`).
[ -n "${BENCH_JFR_OUT:-}" ] && cp "$work/query.jfr" "$BENCH_JFR_OUT"
jfr_summary="$(python3 "$root/bench/jfr-summary.py" "$work/query.jfr" 14)"

# ---- system calls per request: strace -c of the server during a 1-client run ------------------
# Counts don't depend on how loaded the machine is, unlike rates: what a request costs the kernel
# beyond /health (the daemon's pipe; before 2026-12-03 also a listing of every database of the
# owner for the storage quota). Waits (futex, epoll_wait) and what background threads call all
# the time (gettid, sysinfo) are left out. Skipped without strace.
syscalls_per_request() { # <lua-or-empty> <path> -> "calls-per-request"
  local trace="$work/strace.txt" args=(-t1 -c1 -d5s) n
  [ -n "$1" ] && args+=(-s "$1")
  timeout -s INT 7 strace -f -c -p "$payara_pid" -o "$trace" 2>/dev/null &
  local tracer=$!
  sleep 1
  n="$(wrk "${args[@]}" "$base$2" | awk '/requests in/ {print $1}')"
  wait "$tracer" 2>/dev/null || true
  [ -s "$trace" ] || { echo "n/a"; return 0; } # strace may not attach (ptrace restricted)
  awk -v n="$n" '$NF ~ /^(futex|epoll_wait|restart_syscall|gettid|sysinfo|total|syscall)$/ || $1 !~ /^[0-9.]+$/ {next}
    {calls += $4} END {printf "%.1f", (n > 0 ? calls / n : 0)}' "$trace"
}
syscalls="n/a"
if command -v strace >/dev/null; then
  syscalls="/health $(syscalls_per_request "$work/report.lua" /health), /query $(syscalls_per_request "$work/point.lua" /)"
fi

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
daemon_rss=""
for p in $(descendants "$payara_pid"); do
  if tr '\0' ' ' <"/proc/$p/cmdline" 2>/dev/null | grep -q 'org.aybdb.sandbox.daemon.QueryDaemon'; then
    daemon_rss+="$(ps -o rss= -p "$p") "
  fi
done
server_rss="$(ps -o rss= -p "$payara_pid" 2>/dev/null || echo 0)"

# ---- the daemon alone and the pool alone (bench/DaemonBench.java), the server idle ---------------
# A warm point query on one DaemonProcess, and through the pool's leases (1 and 4 readers of one
# database), on a 10 000-row table: the stages under /query without HTTP and the container.
declare -A stage
. "$root/bench/agent-classpath.sh"
mkdir -p "$work/daemon-bench"
while read -r key value; do
  stage[$key]="$value"
done < <(java -Xss1m -cp "$(agent_classpath "$root")" "$root/bench/DaemonBench.java" \
  "$work/daemon-bench" "$root/sandbox-agent/target/lib" "$(agent_jar "$root")" "$seconds" 2>/dev/null)

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
for c in "${pg_clients[@]}"; do
  rm -rf "$work/pglog" && mkdir "$work/pglog"
  tps="$( (cd "$work/pglog" && pgbench -h 127.0.0.1 -U postgres -S -M simple -c "$c" -j $(( c < 2 ? 1 : 2 )) -T "$seconds" -l ayb_bench 2>/dev/null) | awk '/^tps/ {print $3; exit}')"
  pct="$(cat "$work"/pglog/pgbench_log.* | python3 -c '
import sys
v=sorted(int(l.split()[2]) for l in sys.stdin if l.strip())
print("%.2f %.2f" % (v[len(v)//2]/1000, v[int(len(v)*0.99)]/1000))')"
  pg[$c]="$tps $pct"
done

# ---- report ------------------------------------------------------------------------------------
python3 - <<EOF
clients = [1, 4]
def parse(s):
    """One run's "rps p50 p99 errors", or the median (by rate) of rounds separated by ";"."""
    runs = sorted(([float(x) for x in r.split()] for r in s.split(";") if r.strip()), key=lambda r: r[0])
    median = runs[len(runs) // 2]
    if len(runs) > 1:
        median = median + [0.0] * (4 - len(median))
        median.append(" ".join(f"{r[0]:.0f}" for r in runs))
    return median
def row(c, what, r, digits=2):
    err = f" ({r[3]:.0f} errors)" if len(r) > 3 and r[3] else ""
    rounds = f" (rounds: {r[4]})" if len(r) > 4 else ""
    print(f"| {c} | {what} | {r[0]:.0f} | {r[1]:.{digits}f} | {r[2]:.{digits}f} |{err}{rounds}")
def by_clients(text, cs=clients):
    return {c: parse(x) for c, x in zip(cs, text.split("|"))}
b = by_clients("${result[bare,1]}|${result[bare,4]}")
e = by_clients("${result[echo,1]}|${result[echo,4]}")
h = by_clients("${result[health,1]}|${result[health,4]}")
l = by_clients("${result[live,1]}|${result[live,4]}")
q = by_clients("${result[query,1]}|${result[query,4]}")
f = by_clients("${floor[1]}|${floor[4]}")
g = by_clients("${pg[1]}|${pg[4]}|${pg[16]}", [1, 4, 16])
spread = parse("${result[spread,4]}")
jfr = parse("${result[jfr,4]}")
print()
print("load average: ${load_before} before the HTTP runs, ${load_after} after")
print()
print("| clients | what | requests/s | p50 ms | p99 ms |")
print("| --- | --- | ---: | ---: | ---: |")
for c in clients:
    row(c, "GET /bench-bare/bare (bare JAX-RS, same server)", b[c])
    row(c, "GET /bench-bare/echo (bare + a pipe round trip to cat)", e[c])
    row(c, "GET /health", h[c])
    row(c, "GET /health/live", l[c])
    row(c, "POST /query point SELECT, one database", q[c])
    if c == 4:
        row(c, "POST /query point SELECT, over 4 databases", spread)
        row(c, "POST /query point SELECT, one database, under JFR", jfr)
    row(c, "sqlite-jdbc in-process (floor)", f[c], 3)
for c in [1, 4, 16]:
    row(c, "pgbench -S -M simple", g[c])
print()
def rounds(text):
    """The rates of every round, in the order run."""
    return [float(r.split()[0]) for r in text.split(";") if r.strip()]
def paired(top, bottom):
    """The ratio top / bottom within each round: its median, min and max over the rounds."""
    ratios = sorted(t / d for t, d in zip(top, bottom))
    return ratios[len(ratios) // 2], ratios[0], ratios[-1]
def shown(r):
    return f"{r[0]:.2f} (rounds {r[1]:.2f}–{r[2]:.2f})"
rb = {1: rounds("${result[bare,1]}"), 4: rounds("${result[bare,4]}")}
rh = {1: rounds("${result[health,1]}"), 4: rounds("${result[health,4]}")}
rq = {1: rounds("${result[query,1]}"), 4: rounds("${result[query,4]}")}
targets = []
for c in clients:
    qh, hb = paired(rq[c], rh[c]), paired(rh[c], rb[c])
    targets += [(f"/query / /health at {c} client(s)", qh[0], 0.8), (f"/health / bare at {c} client(s)", hb[0], 0.8)]
    print(f"ratios at {c} client(s), within rounds: /query / /health = {shown(qh)}, /health / bare = {shown(hb)}, "
          f"/query / bare = {shown(paired(rq[c], rb[c]))}; /query / pgbench = {q[c][0]/g[c][0]:.3f} (medians)")
one = paired(rq[4], rq[1])
targets.append(("one database, 4 clients / 1 client", one[0], 1.7))
print(f"one database: 4 clients / 1 client = {shown(one)}; 4 clients over 4 databases / on one = {spread[0]/q[4][0]:.2f} (medians)")
print(f"best /query / pgbench at 16 clients = {max(q[c][0] for c in clients)/g[16][0]:.3f}")
print(f"per request at 1 client (1/throughput): bare {1000/b[1][0]:.3f} ms, /health {1000/h[1][0]:.3f} ms, /query {1000/q[1][0]:.3f} ms")
for c in clients:
    # What one hop to another process costs when that process does nothing (echo - bare), and the
    # best /query / /health it leaves if /query's server work were no more than /health's.
    hop = 1 / e[c][0] - 1 / b[c][0]
    print(f"process hop floor at {c} client(s): echo / bare = {e[c][0]/b[c][0]:.2f}, {hop*1e6:.0f} µs per request; "
          f"/query / /health can be at most {(1/h[c][0]) / (1/h[c][0] + hop):.2f} with one hop")
print("stages under /query, without HTTP (DaemonBench, warm point query): daemon alone p50 ${stage[daemon_point_p50_us]:-n/a} µs"
      " (p99 ${stage[daemon_point_p99_us]:-n/a}), through the pool p50 ${stage[pool_point_p50_us]:-n/a} µs"
      " (p99 ${stage[pool_point_p99_us]:-n/a}); pool, 4 readers / 1 of one database = ${stage[pool_point_4_vs_1_ratio]:-n/a}")
print("system calls per request at 1 client (strace -c; no waits, gettid or sysinfo): ${syscalls}")
cold = sorted(float(x) * 1000 for x in "${cold[*]}".split())
print(f"cold first query (create table + select on a new database; daemon spawn): p50 {cold[len(cold)//2]:.0f} ms, min {cold[0]:.0f} ms, max {cold[-1]:.0f} ms; the next query: {float('$warm_once')*1000:.1f} ms")
rss = sorted(int(x) for x in "$(echo $daemon_rss)".split())
if rss:
    print(f"idle daemons: {len(rss)}, resident memory p50 {rss[len(rss)//2]/1024:.1f} MB (min {rss[0]/1024:.1f}, max {rss[-1]/1024:.1f}); server JVM {int('${server_rss:-0}' or 0)/1024:.0f} MB")
else:
    print("idle daemons: none found")
def at_most(name, value, limit):
    targets.append((name, -value, -limit))
try:
    at_most("daemon alone, warm point query p50 (µs)", float("${stage[daemon_point_p50_us]:-nan}"), 60)
except ValueError:
    pass
at_most("cold first query p50 (ms)", cold[len(cold) // 2], 250)
if rss:
    at_most("idle daemon resident memory p50 (MB)", rss[len(rss) // 2] / 1024, 40)
print()
print("| target | measured | bound | met |")
print("| --- | ---: | ---: | --- |")
for name, value, bound in targets:
    sign = "≥" if bound > 0 else "≤"
    print(f"| {name} | {abs(value):.2f} | {sign} {abs(bound):g} | {'yes' if value >= bound else 'NO'} |")
EOF
echo
echo "## where the server's CPU goes during the 4-client /query run under JFR"
echo
echo "$jfr_summary"
echo
echo "## where the machine's CPU goes during a 4-client /query run (perf, all processes)"
echo
echo "$perf_cpu"
echo
echo "## the same during a 4-client /health run"
echo
echo "$perf_cpu_health"
for what in health query; do
  echo
  echo "## wake-ups of a request's threads at 1 client, /$what (perf sched)"
  echo
  echo "${perf_sched[$what]}"
done
echo
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
