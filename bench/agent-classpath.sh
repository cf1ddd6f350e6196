# Sourced by the benchmarks that run bench/DaemonBench.java against a built tree: its class path
# and the agent jar the daemons run from.

# agent_classpath <tree>: DaemonBench's class path (the agent, the engine, the configuration, and
# the agent's dependency jars)
agent_classpath() {
  local t="$1"
  echo "$t/sandbox-agent/target/classes:$t/ayb-ejb/target/classes:$t/config/target/classes:$(ls "$t"/sandbox-agent/target/lib/*.jar | tr '\n' ':')"
}

# agent_jar <tree>: the sandbox agent's jar (not its sources or tests jar)
agent_jar() { ls "$1"/sandbox-agent/target/sandbox-agent-*.jar | grep -v -e -sources -e -tests | head -1; }
