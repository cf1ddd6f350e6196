#!/usr/bin/env bash
# bench/snapshot-bench.sh: how long a snapshot of a ~100 MB database takes, end to end.
#
# Starts a local S3-compatible server (S3Proxy, the jar the build copies to
# ayb-web/target/s3proxy.jar, filesystem backend) and `bin/ayb server` with [snapshots] pointing at
# it, registers an account, fills a database with SIZE_MB (default 100) of rows through the query
# API, and waits for the scheduled snapshot run to upload it. The server logs one line per upload
# with the time from the start of the copy (VACUUM INTO inside the sandboxed daemon) to the
# finished upload, and each step's share; this prints it.
#
# Baseline, in the same run and on the same file: `sqlite3 <db> ".backup x"` then `zstd -3 x`.
#
# Needs: a build (./mvnw -q package -DskipTests), curl, jq, sqlite3, zstd, python3.
# Usage: bench/snapshot-bench.sh            (SIZE_MB=100 KEEP=1 to keep the work folder)
set -euo pipefail

root="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
size_mb="${SIZE_MB:-100}"
s3proxy_jar="$root/ayb-web/target/s3proxy.jar"
for tool in curl jq sqlite3 zstd python3 java; do
  command -v "$tool" >/dev/null || { echo "Error: $tool is needed" >&2; exit 1; }
done
for file in "$s3proxy_jar" "$root/ayb-web/target/ayb-web.war" "$root/client-cli/target/ayb-cli.jar"; do
  [ -f "$file" ] || { echo "Error: $file is missing; run ./mvnw -q package -DskipTests" >&2; exit 1; }
done

work="$(mktemp -d /tmp/ayb-snapshot-bench.XXXXXX)"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
s3_port="$(free_port)"
ayb_port="$(free_port)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [ -z "${KEEP:-}" ]; then rm -rf "$work"; else echo "Work folder kept: $work"; fi
}
trap cleanup EXIT

# ---- S3 server -------------------------------------------------------------------------------
mkdir -p "$work/s3/bench-bucket"
cat > "$work/s3proxy.properties" <<PROPS
s3proxy.endpoint=http://127.0.0.1:$s3_port
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=bench-key
s3proxy.credential=bench-secret
jclouds.provider=filesystem
jclouds.filesystem.basedir=$work/s3
PROPS
java -Xmx256m -jar "$s3proxy_jar" --properties "$work/s3proxy.properties" > "$work/s3proxy.log" 2>&1 &
pids+=($!)

# ---- ayb server --------------------------------------------------------------------------------
fernet="$(python3 -c 'import base64,os; print(base64.urlsafe_b64encode(os.urandom(32)).decode())')"
cat > "$work/ayb.toml" <<TOML
host = "127.0.0.1"
port = $ayb_port
database_url = "sqlite://$work/ayb.sqlite"
data_path = "$work/data"

[authentication]
fernet_key = "$fernet"
token_expiration_seconds = 3600

[email.file]
path = "$work/emails.jsonl"

[cors]
origin = "*"

[snapshots]
access_key_id = "bench-key"
secret_access_key = "bench-secret"
bucket = "bench-bucket"
path_prefix = "bench"
endpoint_url = "http://127.0.0.1:$s3_port"
force_path_style = true

[snapshots.automation]
interval = "5s"
max_snapshots = 3
TOML
"$root/bin/ayb" server --config "$work/ayb.toml" > "$work/server.log" 2>&1 &
pids+=($!)
base="http://127.0.0.1:$ayb_port"
echo "Starting S3Proxy (port $s3_port) and ayb server (port $ayb_port)..."
for _ in $(seq 1 240); do
  curl -fs "$base/health" >/dev/null 2>&1 && break
  sleep 1
done
curl -fs "$base/health" >/dev/null || { echo "The server did not start; see $work/server.log" >&2; KEEP=1; exit 1; }

# ---- account and database ------------------------------------------------------------------------
entity="bench$RANDOM"
curl -fs -X POST "$base/v1/register" -H "entity: $entity" -H "email-address: $entity@example.org" \
  -H "entity-type: user" >/dev/null
confirmation="$(jq -r --arg to "$entity@example.org" 'select(.to == $to) | .content[]' "$work/emails.jsonl" \
  | grep -o 'ayb client confirm .*' | tail -1 | cut -d' ' -f4)"
token="$(curl -fs -X POST "$base/v1/confirm" -H "authentication-token: $confirmation" | jq -r .token)"
auth=(-H "Authorization: Bearer $token")
db="/v1/$entity/bench.sqlite"
curl -fs -X POST "$base$db/create" "${auth[@]}" -H "db-type: sqlite" -H "public-sharing-level: no-access" >/dev/null
query() { curl -fs -X POST "$base$db/query" "${auth[@]}" --data-binary "$1" >/dev/null; }
query "CREATE TABLE events(id INTEGER PRIMARY KEY, kind TEXT, payload TEXT)"

# Rows of about 1 KB: a little structure, 400 random hex characters (incompressible-ish), and
# repetitive text, so zstd has a realistic mix. 10 MB per query keeps each under the time limit.
echo "Filling $entity/bench.sqlite with ~$size_mb MB..."
rows_per_batch=10000
for batch in $(seq 1 "$size_mb" | awk 'NR % 10 == 1'); do
  query "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $rows_per_batch)
         INSERT INTO events(kind, payload) SELECT 'kind-' || (i % 17),
           printf('%08d ', i) || hex(randomblob(200)) || ' '
           || substr(replace(hex(zeroblob(150)), '0', 'lorem ipsum dolor sit amet '), 1, 560)
         FROM n"
done
file="$(readlink -f "$work/data/databases/$entity/bench.sqlite/current")/bench.sqlite"
bytes="$(stat -c %s "$file")"
mb="$(python3 -c "print(round($bytes / 1e6, 1))")"
echo "Database file: $mb MB"

# ---- the snapshot run -------------------------------------------------------------------------
# Wait for an upload whose copy is the full database (a run may have started mid-fill).
echo "Waiting for the scheduled snapshot run (every 5 s)..."
line=""
for _ in $(seq 1 180); do
  line="$(grep -a "of $entity/bench.sqlite uploaded:" "$work/server.log" | tail -1 || true)"
  if [ -n "$line" ]; then
    uploaded_mb="$(sed -E 's/.* uploaded: ([0-9.]+) MB.*/\1/' <<<"$line")"
    if python3 -c "import sys; sys.exit(0 if $uploaded_mb >= 0.95 * $mb else 1)"; then break; fi
  fi
  line=""
  sleep 1
done
[ -n "$line" ] || { echo "No full snapshot was uploaded; see $work/server.log" >&2; KEEP=1; exit 1; }
echo
echo "ayb snapshot (copy in the sandboxed daemon + integrity check + BLAKE3 + zstd -3 + upload to local S3):"
echo "  ${line#*uploaded: }"

# ---- baseline -------------------------------------------------------------------------------------
start="$(date +%s.%N)"
sqlite3 "$file" ".backup $work/baseline.sqlite"
backed_up="$(date +%s.%N)"
zstd -3 -q "$work/baseline.sqlite" -o "$work/baseline.sqlite.zst"
end="$(date +%s.%N)"
python3 - "$bytes" "$start" "$backed_up" "$end" "$(stat -c %s "$work/baseline.sqlite.zst")" <<'PY'
import sys
size, start, backed, end, packed = int(sys.argv[1]), *map(float, sys.argv[2:5]), int(sys.argv[5])
total = end - start
print("Baseline (sqlite3 .backup + zstd -3, local files, no upload):")
print(f"  {size / 1e6:.1f} MB in {total:.2f} s, {size / 1e6 / total:.1f} MB/s "
      f"(backup {backed - start:.2f} s, zstd {end - backed:.2f} s to {packed / 1e6:.1f} MB)")
PY
