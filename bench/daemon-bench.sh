#!/usr/bin/env bash
# The daemon half of the query path, without HTTP, for a baseline build and this one in one run:
# a warm point query on one daemon (p50/p99 µs), the same through the pool, 4 readers of ONE
# database against 1 (queries/s and their ratio), a cold first query on 20 idle databases (p50 ms)
# and an idle daemon's memory (RSS/PSS MB).
#
#   bench/daemon-bench.sh [baseline-ref] [seconds]     (defaults: main, 5)
#
# The baseline is `git archive <ref>` built in a temporary folder (offline Maven, no install).
# Needs a build of this tree: ./mvnw -B -o -q package -pl ayb-ejb -am -DskipTests
set -euo pipefail
cd "$(dirname "$0")/.."
ref="${1:-main}"
seconds="${2:-5}"
work="$(mktemp -d /tmp/ayb-daemon-bench.XXXXXX)"
trap 'rm -rf "$work"' EXIT

. bench/agent-classpath.sh

here="$(pwd)"
[ -f "$(agent_jar "$here")" ] && [ -d ayb-ejb/target/classes ] ||
  { echo "Error: build first: ./mvnw -B -o -q package -pl ayb-ejb -am -DskipTests" >&2; exit 1; }

base="$work/base"
mkdir -p "$base"
git archive "$ref" | tar -x -C "$base"
echo "building the baseline ($ref, $(git rev-parse --short "$ref")) ..." >&2
(cd "$base" && ./mvnw -B -o -q package -pl ayb-ejb -am -DskipTests -Dspotless.check.skip=true >"$work/base-build.log" 2>&1) ||
  { tail -30 "$work/base-build.log" >&2; echo "Error: the baseline does not build" >&2; exit 1; }

echo "# ayb daemon benchmark — $(date -u +%FT%TZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# baseline: $ref ($(git rev-parse --short "$ref")); this: $(git rev-parse --short HEAD)$(git diff --quiet HEAD || echo '+changes')"
run() { # tree, label
  mkdir -p "$work/$2"
  java -Xss1m -cp "$(agent_classpath "$1")" bench/DaemonBench.java \
    "$work/$2" "$1/sandbox-agent/target/lib" "$(agent_jar "$1")" "$seconds" >"$work/$2.out"
}
run "$base" baseline
run "$here" this
printf '%-28s %14s %14s\n' figure baseline this
awk 'NR == FNR { b[$1] = $2; next } { printf "%-28s %14s %14s\n", $1, b[$1], $2 }' \
  "$work/baseline.out" "$work/this.out"
