# Sourced by the benchmark scripts: the platform on a temporary data folder with the default ports
# (override them as for ./platform up), started and stopped by them, removed at exit.
# shellcheck shell=bash

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA="$(mktemp -d "${TMPDIR:-/tmp}/oc-bench-XXXXXX")"
export LOCAL_DATA_DIR="$DATA"
UP_PID=""

# Starts ./platform up in the background and returns when it is all ready; its output goes to $1.
platform_up() {
  : >"$1"
  "$ROOT/platform" up --no-demo-data >"$1" 2>&1 &
  UP_PID=$!
  until grep -q '^All ready in' "$1"; do
    if ! kill -0 "$UP_PID" 2>/dev/null; then
      echo "The platform did not start; its output:" >&2
      tail -n 30 "$1" >&2
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
