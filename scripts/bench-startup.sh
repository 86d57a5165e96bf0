#!/usr/bin/env bash
# Start-up benchmark of the local platform (not a test): time from `./platform up` to all-ready, cold
# (empty data directory: initdb, CA, first run, AOT cache training) and warm, each backend restarted
# alone, and each process's memory (RSS). Two ways of running the backends side by side in one run:
#   before: the launcher's own JVM with class-data sharing (OC_BACKEND_JAVA_HOME = the launcher's JDK)
#   after:  the newest JDK 25+ with its ahead-of-time cache (OC_BACKEND_JAVA_HOME = that JDK)
#   scripts/bench-startup.sh [warm runs, default 3]
# Warm runs alternate between the two, so a change in the machine's load hits both alike.
# Uses a temporary data directory and the default ports (override them as for ./platform up).
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=bench-platform.sh
source "$(dirname "${BASH_SOURCE[0]}")/bench-platform.sh"
WARM_RUNS="${1:-3}"
LOG="$DATA/bench-up.log"

now() { date +%s.%N; }

java_home_of() {
  "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/^ *java.home =/ {print $2}'
}

# the newest JDK 25 or later under /usr/lib/jvm (as the launcher chooses), empty when there is none
newest_aot_jdk() {
  local best="" best_version="" home version
  for home in /usr/lib/jvm/*/; do
    home="${home%/}"
    if [ ! -x "$home/bin/java" ] || [ ! -f "$home/release" ]; then continue; fi
    version="$(awk -F'"' '/^JAVA_VERSION=/ {print $2}' "$home/release")"
    [ "${version%%.*}" -ge 25 ] 2>/dev/null || continue
    if [ -z "$best" ] || [ "$(printf '%s\n%s\n' "$best_version" "$version" | sort -V | tail -1)" = "$version" ]; then
      best="$home" best_version="$version"
    fi
  done
  echo "$best"
}

BEFORE_HOME="$(java_home_of "$(command -v java)")"
AFTER_HOME="${BENCH_AOT_JAVA_HOME:-$(newest_aot_jdk)}"
[ -n "$AFTER_HOME" ] || { echo "No JDK 25 or newer under /usr/lib/jvm (set BENCH_AOT_JAVA_HOME)." >&2; exit 1; }

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

# Selects one of the two setups: its own data directory and the JDK that runs the backends.
use() {
  export LOCAL_DATA_DIR="$DATA/$1"
  mkdir -p "$LOCAL_DATA_DIR"
  case "$1" in
    before) export OC_BACKEND_JAVA_HOME="$BEFORE_HOME" ;;
    after) export OC_BACKEND_JAVA_HOME="$AFTER_HOME" ;;
  esac
}

# `./platform restart <backend>` while the rest runs: the backend starting alone, as the launcher reports it
alone_s() {
  "$ROOT/platform" restart "$1" >/dev/null
  grep "^\[$1\] ready in " "$LOG" | tail -1 | awk '{print $4}'
}

one_run() {
  local setup="$1" label="$2" start ready
  use "$setup"
  start="$(now)"
  platform_up "$LOG"
  ready="$(now)"
  printf '| %s | %s | %s s |' "$label" "$setup" "$(awk -v a="$start" -v b="$ready" 'BEGIN {printf "%.1f", b - a}')"
  local launcher
  launcher="$(awk -F= '/^launcher.pid=/ {print $2}' "$LOCAL_DATA_DIR/state.properties")"
  printf ' launcher %s MiB' "$(rss_mb "$launcher")"
  for component in provider-db client-db provider-backend client-backend; do
    pid="$(component_pid "$component")"
    case "$component" in
      *-backend) printf ', %s %s MiB (%s s CPU)' "$component" "$(rss_mb "$pid")" "$(cpu_s "$pid")" ;;
      *) printf ', %s %s MiB' "$component" "$(rss_mb "$pid" with-children)" ;;
    esac
  done
  printf ' | %s s | %s s |\n' "$(alone_s provider-backend)" "$(alone_s client-backend)"
  platform_down
}

echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%dT%H:%MZ)"
echo "before: backends on $("$BEFORE_HOME/bin/java" -version 2>&1 | head -1) with class-data sharing"
echo "after: backends on $("$AFTER_HOME/bin/java" -version 2>&1 | head -1) with the AOT cache"
echo "| run | setup | up → all ready | resident memory when ready (PostgreSQL with its workers), CPU used by each backend until ready | provider-backend alone | client-backend alone |"
echo "|---|---|---|---|---|---|"
one_run before cold
one_run after cold
for i in $(seq 1 "$WARM_RUNS"); do
  one_run before "warm $i"
  one_run after "warm $i"
done
echo "load at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
