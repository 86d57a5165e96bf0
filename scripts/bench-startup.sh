#!/usr/bin/env bash
# Start-up benchmark of the local platform (not a test): time from `./platform up` to all-ready,
# cold (empty data directory: initdb, CA, first run) and warm, and each process's memory (RSS).
#   scripts/bench-startup.sh [warm runs, default 3]
# Uses a temporary data directory and the default ports (override them as for ./platform up).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WARM_RUNS="${1:-3}"
DATA="$(mktemp -d "${TMPDIR:-/tmp}/oc-bench-XXXXXX")"
export LOCAL_DATA_DIR="$DATA"
LOG="$DATA/bench-up.log"
UP_PID=""

cleanup() {
  if [ -n "$UP_PID" ] && kill -0 "$UP_PID" 2>/dev/null; then
    if ! "$ROOT/platform" down >/dev/null 2>&1; then
      echo "Could not stop the platform (launcher pid $UP_PID); its data stays in $DATA" >&2
      return
    fi
  fi
  rm -rf "$DATA"
}
trap cleanup EXIT

now() { date +%s.%N; }

rss_mb() {
  # the process, with its children when asked (PostgreSQL's workers), in MiB; shared memory is
  # counted once per process, so PostgreSQL's figure is an upper bound
  local total=0 pid children=""
  [ "${2:-}" = "with-children" ] && children="$(pgrep -P "$1" 2>/dev/null || true)"
  for pid in $1 $children; do
    kb="$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)"
    total=$((total + ${kb:-0}))
  done
  echo $((total / 1024))
}

cpu_s() {
  # CPU time (user + system) the process has used so far: comparable even on a busy machine
  awk -v tick="$(getconf CLK_TCK)" '{sub(/^.*\) /, ""); printf "%.1f", ($12 + $13) / tick}' "/proc/$1/stat" 2>/dev/null || echo "?"
}

one_run() {
  local label="$1" start ready
  : >"$LOG"
  start="$(now)"
  "$ROOT/platform" up --no-demo-data >"$LOG" 2>&1 &
  UP_PID=$!
  until grep -q '^All ready in' "$LOG"; do
    if ! kill -0 "$UP_PID" 2>/dev/null; then
      echo "The platform did not start; its output:" >&2
      tail -n 30 "$LOG" >&2
      exit 1
    fi
    sleep 0.1
  done
  ready="$(now)"
  printf '| %s | %s s |' "$label" "$(awk -v a="$start" -v b="$ready" 'BEGIN {printf "%.1f", b - a}')"
  local state="$DATA/state.properties" launcher
  launcher="$(awk -F= '/^launcher.pid=/ {print $2}' "$state")"
  printf ' launcher %s MiB' "$(rss_mb "$launcher")"
  for component in provider-db client-db provider-backend client-backend; do
    pid="$(awk -F= -v k="pids.$component" '$1 == k {split($2, p, ","); print p[1]}' "$state")"
    case "$component" in
      *-backend) printf ', %s %s MiB (%s s CPU)' "$component" "$(rss_mb "$pid")" "$(cpu_s "$pid")" ;;
      *) printf ', %s %s MiB' "$component" "$(rss_mb "$pid" with-children)" ;;
    esac
  done
  printf ' |\n'
  "$ROOT/platform" down >/dev/null
  wait "$UP_PID" || true
  UP_PID=""
}

echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%dT%H:%MZ)"
echo "| run | up → all ready | resident memory when ready (PostgreSQL with its workers), CPU used by each backend until ready |"
echo "|---|---|---|"
one_run cold
for i in $(seq 1 "$WARM_RUNS"); do
  one_run "warm $i"
done
