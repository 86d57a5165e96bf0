#!/usr/bin/env bash
# Start-up benchmark of the local platform (not a test): time from `./platform up` to all-ready,
# cold (empty data directory: initdb, CA, first run) and warm, and each process's memory (RSS).
#   scripts/bench-startup.sh [warm runs, default 3]
# Uses a temporary data directory and the default ports (override them as for ./platform up).
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=bench-platform.sh
source "$(dirname "${BASH_SOURCE[0]}")/bench-platform.sh"
WARM_RUNS="${1:-3}"
LOG="$DATA/bench-up.log"

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
  start="$(now)"
  platform_up "$LOG"
  ready="$(now)"
  printf '| %s | %s s |' "$label" "$(awk -v a="$start" -v b="$ready" 'BEGIN {printf "%.1f", b - a}')"
  local state="$DATA/state.properties" launcher
  launcher="$(awk -F= '/^launcher.pid=/ {print $2}' "$state")"
  printf ' launcher %s MiB' "$(rss_mb "$launcher")"
  for component in provider-db client-db provider-backend client-backend; do
    pid="$(component_pid "$component")"
    case "$component" in
      *-backend) printf ', %s %s MiB (%s s CPU)' "$component" "$(rss_mb "$pid")" "$(cpu_s "$pid")" ;;
      *) printf ', %s %s MiB' "$component" "$(rss_mb "$pid" with-children)" ;;
    esac
  done
  printf ' |\n'
  platform_down
}

echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%dT%H:%MZ)"
echo "| run | up → all ready | resident memory when ready (PostgreSQL with its workers), CPU used by each backend until ready |"
echo "|---|---|---|"
one_run cold
for i in $(seq 1 "$WARM_RUNS"); do
  one_run "warm $i"
done
