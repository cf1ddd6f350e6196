#!/usr/bin/env bash
# Portability benchmark: how long export, import and fork of a database of SIZE_MB (default 50)
# take over HTTP on loopback, next to a local baseline measured in the same run on the same file.
#
#   bench/portability-bench.sh            (SIZE_MB=50; port $BENCH_PORT or 5464)
#
# Starts its own `ayb server` (temporary data folder, no snapshots, no byte quota), registers an
# account, fills a database through the query API and then times, each once:
#   * export:  GET .../export to a file (VACUUM INTO in the sandboxed daemon, SHA-256, streaming)
#   * import:  POST .../import of that file into another database (streamed upload, header,
#              integrity_check and schema replay in sandboxed daemons, quiesced switch)
#   * fork:    POST .../fork (VACUUM INTO in the sandbox, move, metadata row)
# Baseline: `sqlite3 <file> ".backup x"` (a consistent copy, what export and fork do at their core)
# and `sqlite3 x "PRAGMA integrity_check"` (the core of an import's check).
# Needs: a build (./mvnw -q package -DskipTests), curl, sqlite3, python3.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
size_mb="${SIZE_MB:-50}"
port="${BENCH_PORT:-5464}"
base="http://127.0.0.1:$port"
for tool in curl sqlite3 python3; do
  command -v "$tool" >/dev/null || { echo "Error: $tool is needed" >&2; exit 1; }
done
[ -f client-cli/target/ayb-cli.jar ] || { echo "Error: build first: ./mvnw -q package -DskipTests" >&2; exit 1; }

work="$(mktemp -d /tmp/ayb-portability.XXXXXX)"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "# ayb portability benchmark — $(date -u +%FT%TZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
cd "$work"
. "$root/bench/bench-server.sh"
start_server AYB__LIMITS__MAX_BYTES_PER_ENTITY=0 AYB__LIMITS__QUERIES_PER_MINUTE=0 AYB__SANDBOX__QUERY_TIMEOUT=60s
token="$(register_account porter)"
auth=(-H "Authorization: Bearer $token")
for name in source target; do
  curl -fs -X POST "$base/v1/porter/$name.sqlite/create" "${auth[@]}" -H 'db-type: sqlite' \
    -H 'public-sharing-level: no-access' >/dev/null
done
query() { curl -fs -X POST "$base/v1/porter/source.sqlite/query" "${auth[@]}" --data-binary "$1" >/dev/null; }
query "CREATE TABLE events(id INTEGER PRIMARY KEY, kind TEXT, payload TEXT); CREATE INDEX events_kind ON events(kind)"
echo "Filling porter/source.sqlite with ~$size_mb MB..."
for _ in $(seq 1 "$size_mb" | awk 'NR % 10 == 1'); do
  query "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000)
         INSERT INTO events(kind, payload) SELECT 'kind-' || (i % 17), hex(randomblob(400)) FROM n"
done
file="$(readlink -f "$work/ayb_data/databases/porter/source.sqlite/current")/source.sqlite"
bytes="$(stat -c %s "$file")"

now() { date +%s.%N; }
t0="$(now)"
curl -fs "${auth[@]}" -o "$work/export.sqlite" "$base/v1/porter/source.sqlite/export"
t1="$(now)"
curl -fs "${auth[@]}" -F "database=@$work/export.sqlite" "$base/v1/porter/target.sqlite/import" >/dev/null
t2="$(now)"
curl -fs -X POST "${auth[@]}" -H 'fork-to: porter/copy.sqlite' "$base/v1/porter/source.sqlite/fork" >/dev/null
t3="$(now)"
sqlite3 "$file" ".backup $work/baseline.sqlite"
t4="$(now)"
sqlite3 "$work/baseline.sqlite" "PRAGMA integrity_check" >/dev/null
t5="$(now)"
rows="$(curl -fs -X POST "$base/v1/porter/target.sqlite/query" "${auth[@]}" --data-binary 'SELECT count(*) FROM events')"
python3 - "$bytes" "$t0" "$t1" "$t2" "$t3" "$t4" "$t5" "$rows" <<'PY'
import sys
size = int(sys.argv[1]); t = list(map(float, sys.argv[2:8])); rows = sys.argv[8]
mb = size / 1e6
def line(name, seconds):
    print(f"| {name} | {seconds:.2f} s | {mb / seconds:.1f} MB/s |")
print(f"\nDatabase file: {mb:.1f} MB; imported copy answers {rows}\n")
print("| operation | time | MB/s |")
print("| --- | --- | --- |")
line("export (GET, curl to a file)", t[1] - t[0])
line("import (POST multipart of the exported file)", t[2] - t[1])
line("fork (POST)", t[3] - t[2])
line("baseline: sqlite3 .backup (local)", t[4] - t[3])
line("baseline: sqlite3 PRAGMA integrity_check (local)", t[5] - t[4])
PY
