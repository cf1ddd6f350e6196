#!/usr/bin/env bash
# Streaming benchmark (issue 12): the server's heap while 4 clients at once each fetch a query
# answer of about 145 MB (each from its own database), against a baseline measured in the same run (the same 4 clients fetching
# a tiny answer). Loopback only, bounded (a few minutes).
#
#   bench/stream-bench.sh
#
# Starts its own `ayb server` twice (embedded default: SQLite metadata, temporary data folder,
# port $BENCH_PORT or 5498): once with [sandbox] max_result_bytes = 200MiB (the answers are sent
# whole: this shows the streaming) and once with the default cap (4MiB: the answers are cut and
# say so). The server JVM gets -Xmx512m so that a bound is visible. Every second the script forces
# a full GC in the server (jcmd GC.run) and reads the heap then in use (jstat): live memory, not
# garbage waiting for a collection. It checks that nothing was lost: each answer's size, rows, its
# first and last row, and that the 4 answers are identical.
# Needs: a build (./mvnw -q package -DskipTests), curl, python3, jcmd and jstat (the JDK).
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
port="${BENCH_PORT:-5498}"
base="http://127.0.0.1:$port"
for tool in curl python3 jcmd jstat; do
  command -v "$tool" >/dev/null || { echo "Error: $tool is needed" >&2; exit 1; }
done
[ -f client-cli/target/ayb-cli.jar ] || { echo "Error: build first: ./mvnw -q package -DskipTests" >&2; exit 1; }

work="$(mktemp -d /tmp/ayb-stream-bench.XXXXXX)"
server_pid=""
stop_server() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  server_pid=""
}
cleanup() { stop_server; rm -rf "$work"; }
trap cleanup EXIT

# 100 000 rows of an id and 30 cells of 45 characters: ~145 MB of JSON when not capped.
cells="$(python3 -c "print(', '.join(\"'\" + 'x' * 45 + \"' AS c%d\" % i for i in range(30)))")"
big_sql="WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r LIMIT 100000) SELECT i, $cells FROM r"
tiny_sql="SELECT 1 AS one"

echo "# ayb streaming benchmark — $(date -u +%FT%TZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"

# start_server <max_result_bytes> <data folder>
start_server() {
  mkdir -p "$2" && cd "$2"
  AYB__PORT="$port" AYB__HOST=127.0.0.1 AYB__PUBLIC_URL="$base" \
    AYB__SANDBOX__MAX_RESULT_BYTES="$1" AYB__SANDBOX__QUERY_TIMEOUT=5m \
    AYB__LIMITS__QUERIES_PER_MINUTE=0 AYB__LIMITS__CONCURRENT_QUERIES=0 \
    AYB__SERVER__JVM_OPTIONS="-Xss512k -XX:+UseSerialGC -Xmx512m -XX:+ExitOnOutOfMemoryError" \
    "$root/bin/ayb" server >"$2/server.log" 2>&1 &
  server_pid=$!
  cd "$root"
  for _ in $(seq 1 240); do
    curl -fs "$base/health" >/dev/null 2>&1 && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$2/server.log" >&2; echo "Error: the server did not start" >&2; exit 1; }
    sleep 1
  done
  curl -fs "$base/health" >/dev/null || { echo "Error: the server did not answer" >&2; exit 1; }
  payara_pid="$(pgrep -P "$server_pid" -f payara-micro.jar | head -1)"
  curl -fs -X POST "$base/v1/register" -H 'entity: bench' -H 'email-address: bench@example.org' -H 'entity-type: user' >/dev/null
  local confirm
  confirm="$(python3 -c '
import json,sys
last=[json.loads(l) for l in open(sys.argv[1])][-1]
print([c for c in last["content"] if "ayb client confirm " in c][-1].split()[-1])' "$2/ayb_data/emails.jsonl")"
  token="$(curl -fs -X POST "$base/v1/confirm" -H "authentication-token: $confirm" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')"
  # One database per client: queries to one database run one after another.
  for i in 1 2 3 4; do
    curl -fs -X POST "$base/v1/bench/s$i/create" -H "Authorization: Bearer $token" -H 'db-type: sqlite' -H 'public-sharing-level: no-access' >/dev/null
  done
}

# Live heap (KiB) after a forced full GC, once a second, into $1, until $2 exists.
sample_heap() {
  while [ ! -e "$2" ]; do
    jcmd "$payara_pid" GC.run >/dev/null 2>&1 || true
    jstat -gc "$payara_pid" 2>/dev/null | awk 'NR == 2 {print $3 + $4 + $6 + $8}' >>"$1" || true
    sleep 1
  done
}

# run <label> <sql>: 4 concurrent fetches, heap sampled meanwhile; prints a line of figures.
run() {
  local label="$1" sql="$2" dir="$work/$1"
  mkdir -p "$dir"
  rm -f "$dir/done"
  sample_heap "$dir/heap" "$dir/done" &
  local sampler=$! started ended
  sleep 2  # a few samples before the load: the resting heap
  started="$(date +%s.%N)"
  local clients=()
  for i in 1 2 3 4; do
    # 30 small answers in a row for the baseline, one large one otherwise.
    ( for _ in $( [ "$label" = "${label%tiny*}" ] && echo 1 || seq 1 30 ); do
        curl -fsS -o "$dir/answer$i.json" -D "$dir/headers$i" -X POST "$base/v1/bench/s$i/query" \
          -H "Authorization: Bearer $token" --data-binary "$sql" || echo "curl failed: $?" >"$dir/failed$i"
      done ) &
    clients+=($!)
  done
  wait "${clients[@]}" 2>/dev/null || true
  ended="$(date +%s.%N)"
  sleep 2
  touch "$dir/done"
  wait "$sampler" 2>/dev/null || true
  python3 - "$label" "$dir" "$started" "$ended" <<'PY'
import glob, json, os, sys
label, d, t0, t1 = sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4])
heap = [float(x) / 1024 for x in open(os.path.join(d, "heap")).read().split()]
files = sorted(glob.glob(os.path.join(d, "answer*.json")))
failed = glob.glob(os.path.join(d, "failed*"))
sizes = [os.path.getsize(f) for f in files]
def rows(path):
    n, prev = 0, b""
    with open(path, "rb") as f:
        while chunk := f.read(1 << 20):
            n += (prev + chunk).count(b"],[") - prev.count(b"],[")
            prev = chunk[-2:]
    return n + 1
first = open(files[0], "rb").read(200)
with open(files[0], "rb") as f:
    f.seek(max(0, sizes[0] - 200))
    last = f.read()
same = all(open(f, "rb").read() == open(files[0], "rb").read() for f in files[1:]) if sizes[0] < (1 << 20) else \
    len(set(sizes)) == 1 and all(os.system("cmp -s '%s' '%s'" % (files[0], f)) == 0 for f in files[1:])
truncated = b'"truncated":' in last
print(json.dumps({
    "label": label, "answers": len(files), "failed": len(failed), "bytes_each": sizes[0],
    "rows_each": rows(files[0]), "identical": same, "truncated": truncated,
    "ends_well": last.endswith(b"]}") or last.endswith(b'"}'),
    "seconds": round(t1 - t0, 1),
    "heap_mib_rest": round(min(heap[:2]) if heap else 0, 1),
    "heap_mib_max": round(max(heap) if heap else 0, 1),
    "samples": len(heap)}))
PY
}

results=()
start_server 200MiB "$work/uncapped"
run tiny "$tiny_sql" >"$work/r1"
run big-200MiB "$big_sql" >"$work/r2"
stop_server
start_server 4MiB "$work/capped"
run tiny-default "$tiny_sql" >"$work/r3"
run big-default-cap "$big_sql" >"$work/r4"
stop_server

python3 - "$work"/r1 "$work"/r2 "$work"/r3 "$work"/r4 <<'PY'
import json, sys
rows = [json.loads(open(p).read()) for p in sys.argv[1:]]
print()
print("| run | answers x bytes each | rows each | all identical, well-ended | seconds | live heap at rest MiB | live heap max MiB |")
print("| --- | ---: | ---: | --- | ---: | ---: | ---: |")
for r in rows:
    print(f"| {r['label']} | {r['answers']} x {r['bytes_each']:,} | {r['rows_each']:,} | {r['identical'] and r['ends_well'] and not r['failed']} (truncated: {r['truncated']}) | {r['seconds']} | {r['heap_mib_rest']} | {r['heap_mib_max']} |")
base, big = rows[0], rows[1]
print()
print(f"4 x {big['bytes_each']/1e6:.0f} MB streamed at once: live heap max {big['heap_mib_max']} MiB vs {base['heap_mib_max']} MiB "
      f"for 4 clients fetching tiny answers (difference {big['heap_mib_max']-base['heap_mib_max']:+.1f} MiB; "
      f"{4*big['bytes_each']/1e6:.0f} MB sent in {big['seconds']} s)")
PY
