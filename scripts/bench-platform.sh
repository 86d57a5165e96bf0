# Sourced by the benchmark scripts: the platform on a temporary data folder with the default ports
# (override them as for ./platform up), started and stopped by them, removed at exit.
# shellcheck shell=bash

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA="$(mktemp -d "${TMPDIR:-/tmp}/oc-bench-XXXXXX")"
export LOCAL_DATA_DIR="$DATA"
UP_PID=""

# Starts ./platform up in the background and returns when it is all ready; its output goes to $1, further
# arguments go to ./platform up.
platform_up() {
  local log="$1"
  shift
  : >"$log"
  "$ROOT/platform" up --no-demo-data "$@" >"$log" 2>&1 &
  UP_PID=$!
  until grep -q '^All ready in' "$log"; do
    if ! kill -0 "$UP_PID" 2>/dev/null; then
      echo "The platform did not start; its output:" >&2
      tail -n 30 "$log" >&2
      exit 1
    fi
    sleep 0.1
  done
}

platform_down() {
  "$ROOT/platform" down >/dev/null
  wait "$UP_PID" || true
  UP_PID=""
}

# The class path of the benchmark clients (scripts/bench/*.java): the platform's API client (libs/api-client,
# built here if missing) and the launcher's class path, which has Jackson (the launcher is built by platform_up).
bench_classpath() {
  local classes="$ROOT/libs/api-client/target/classes"
  if [ ! -d "$classes" ]; then
    (cd "$ROOT" && mvn -B -q -o -DskipTests -pl libs/api-client -am install) >&2
  fi
  echo "$classes:$(cat "$ROOT/local/launcher/target/classpath.txt")"
}

# Runs a benchmark client in source form with bench_classpath.
bench_java() {
  java -cp "$(bench_classpath)" "$@"
}

# The first pid of a component, from the launcher's state file.
component_pid() {
  awk -F= -v k="pids.$1" '$1 == k {split($2, p, ","); print p[1]}' "$LOCAL_DATA_DIR/state.properties"
}

bench_cleanup() {
  if [ -n "$UP_PID" ] && kill -0 "$UP_PID" 2>/dev/null; then
    if ! "$ROOT/platform" down >/dev/null 2>&1; then
      echo "Could not stop the platform (launcher pid $UP_PID); its data stays in $DATA" >&2
      return
    fi
  fi
  rm -rf "$DATA"
}
trap bench_cleanup EXIT
