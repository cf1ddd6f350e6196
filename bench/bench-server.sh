# Sourced by the benchmarks: the `ayb server` they measure. Expects $root (the checkout), $work
# (the server's folder, the current directory), $port and $base (http://127.0.0.1:$port).

# start_server [NAME=value...]: starts `ayb server` with these extra environment variables, sets
# $server_pid and waits until /health answers (exits the script if it does not). With
# $bench_payara_jar set, the server runs on that Payara Micro instead of the build's (the query
# benchmark's copy that also deploys its bare endpoint).
start_server() {
  local launcher=("$root/bin/ayb")
  if [ -n "${bench_payara_jar:-}" ]; then
    launcher=(java -Xmx64m -XX:+UseSerialGC -Dayb.payara.jar="$bench_payara_jar"
      -Dayb.war="$root/ayb-web/target/ayb-web.war" -jar "$root/client-cli/target/ayb-cli.jar")
  fi
  # A loaded machine can take minutes to deploy: wait up to $BENCH_STARTUP_SECONDS (default 240).
  local wait="${BENCH_STARTUP_SECONDS:-240}"
  env AYB__PORT="$port" AYB__HOST=127.0.0.1 AYB__PUBLIC_URL="$base" AYB__SERVER__STARTUP_TIMEOUT_SECONDS="$wait" \
    "$@" "${launcher[@]}" server >"$work/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 "$wait"); do
    curl -fs "$base/health" >/dev/null 2>&1 && return 0
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log" >&2; echo "Error: the server did not start" >&2; exit 1; }
    sleep 1
  done
  echo "Error: the server did not answer within $wait s" >&2
  exit 1
}

# register_account <entity>: registers and confirms <entity> through the file e-mail backend and
# prints its API token.
register_account() {
  curl -fs -X POST "$base/v1/register" -H "entity: $1" -H "email-address: $1@example.org" -H 'entity-type: user' >/dev/null
  local confirm_token
  confirm_token="$(python3 -c '
import json,sys
last=[json.loads(l) for l in open(sys.argv[1])][-1]
print([c for c in last["content"] if "ayb client confirm " in c][-1].split()[-1])' "$work/ayb_data/emails.jsonl")"
  curl -fs -X POST "$base/v1/confirm" -H "authentication-token: $confirm_token" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])'
}
