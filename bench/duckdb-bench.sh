#!/usr/bin/env bash
# DuckDB daemons next to SQLite daemons (the baseline, same run): cold start of a sandboxed daemon
# to its first answer, idle resident memory, and a 1-million-row aggregate.
#
#   bench/duckdb-bench.sh [starts]        (default 10)
#
# Needs a build of sandbox-agent (./mvnw -q -pl sandbox-agent package -DskipTests).
set -euo pipefail
cd "$(dirname "$0")/.."
starts="${1:-10}"
target=sandbox-agent/target
jar="$(ls $target/sandbox-agent-*.jar | grep -v sources | head -1)"
[ -f "$jar" ] || { echo "Error: build first: ./mvnw -q -pl sandbox-agent package -DskipTests" >&2; exit 1; }
work="$(mktemp -d /tmp/ayb-duckdb-bench.XXXXXX)"
trap 'rm -rf "$work"' EXIT
echo "# ayb DuckDB daemon benchmark — $(date -u +%FT%TZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
cp="$target/classes:$(ls $target/lib/*.jar | tr '\n' ':')"
java -cp "$cp" bench/DuckDbDaemonBench.java "$starts" "$work" "$target/lib" "$jar"
