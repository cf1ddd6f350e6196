#!/usr/bin/env bash
# bench/authorizer-bench.sh [queries-per-round]: what SQLite's authorizer with the daemon's access
# policy costs a point SELECT, next to the same query on a connection without it (same run).
# Needs: a build of sandbox-agent (./mvnw -q -pl sandbox-agent compile) and JNA in ~/.m2.
set -euo pipefail
cd "$(dirname "$0")/.."
jna="$(ls ~/.m2/repository/net/java/dev/jna/jna/5.17.0/jna-5.17.0.jar)"
java -cp "sandbox-agent/target/classes:$jna" bench/AuthorizerBench.java "${1:-20000}"
