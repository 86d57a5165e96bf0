#!/usr/bin/env bash
# Soak benchmark (not a test): N connections (default 50) for a long time (default 300 s) through
# the local HTTPS gateway over the main read and write operations of both backends
# (scripts/bench/SoakBench.java: document list, document, clients, share state, shared document
# and file; new document, document update, new client, send). Prints requests, errors, latency
# percentiles per operation, and each backend's resident memory at the end and its peak.
#   scripts/bench-soak.sh [connections, default 50] [seconds, default 300]
# Starts the platform on a temporary data directory with the default ports and the backends with
# the production JVM's compiler and a 256 MiB heap (LOCAL_BACKEND_JVM_OPTIONS), warms up for
# WARMUP_SECONDS (30), measures, then stops it.
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=bench-platform.sh
source "$(dirname "${BASH_SOURCE[0]}")/bench-platform.sh"
CONNECTIONS="${1:-50}"
SECONDS_MEASURED="${2:-300}"
WARMUP="${WARMUP_SECONDS:-30}"
export LOCAL_BACKEND_JVM_OPTIONS="${LOCAL_BACKEND_JVM_OPTIONS:--XX:TieredStopAtLevel=4 -Xmx256m}"

platform_up "$DATA/up.log"
CLASSPATH_BENCH="$(bench_classpath)"
javac -cp "$CLASSPATH_BENCH" -d "$DATA/classes" "$ROOT/scripts/bench/ClientReadBench.java" "$ROOT/scripts/bench/SoakBench.java"
HTTPS="${LOCAL_GATEWAY_HTTPS_PORT:-8443}"
printf '127.0.0.1 provider.localhost client.localhost mail.localhost\n' >"$DATA/hosts"

rss_mib() { awk '/^VmRSS:/ {print int($2 / 1024)}' "/proc/$1/status"; }
# the highest resident memory of each backend, sampled every second while the load runs
: >"$DATA/rss"
(
  while true; do
    for component in provider-backend client-backend; do
      printf '%s %s\n' "$component" "$(rss_mib "$(component_pid "$component")" || echo 0)" >>"$DATA/rss"
    done
    sleep 1
  done
) &
SAMPLER=$!
trap 'kill "$SAMPLER" 2>/dev/null || true; bench_cleanup' EXIT

echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1), $(date -u +%Y-%m-%dT%H:%MZ), commit $(git -C "$ROOT" rev-parse --short HEAD)"
echo "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== $CONNECTIONS connections through the local HTTPS gateway, ${WARMUP} s warm-up, ${SECONDS_MEASURED} s measured"
java -Djdk.net.hosts.file="$DATA/hosts" -cp "$DATA/classes:$CLASSPATH_BENCH" SoakBench "https://provider.localhost:$HTTPS" \
  "https://client.localhost:$HTTPS" "$DATA/ca/ca.pem" "$CONNECTIONS" "$WARMUP" "$SECONDS_MEASURED"
kill "$SAMPLER"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
for component in provider-backend client-backend; do
  printf '%s_rss_mib=%s peak_rss_mib=%s\n' "$component" "$(rss_mib "$(component_pid "$component")")" \
    "$(awk -v c="$component" '$1 == c && $2 > max {max = $2} END {print max}' "$DATA/rss")"
done
