#!/usr/bin/env bash
# Load benchmark of the client read path (not a test). After one unlock, 50 connections read the
# document and its 1 MB file again and again:
#  1. with wrk straight at the client backend's API port, as the production gateway reaches it
#     (the figures compared with the targets);
#  2. with a Java client through the local HTTPS gateway (TLS and the local proxy included).
# Prints full reads per second, latency percentiles and each backend's resident memory.
#   scripts/bench-client-read.sh [connections, default 50] [seconds, default 30]
# Starts the platform on a temporary data directory with the default ports, and the backends with
# the production JVM's compiler and a 256 MiB heap (LOCAL_BACKEND_JVM_OPTIONS), warms them up for
# WARMUP_SECONDS (120), measures, then stops it. Needs wrk (Debian: wrk).
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=bench-platform.sh
source "$(dirname "${BASH_SOURCE[0]}")/bench-platform.sh"
CONNECTIONS="${1:-50}"
SECONDS_MEASURED="${2:-30}"
command -v wrk >/dev/null 2>&1 || { echo "This benchmark needs wrk (apt-get install wrk)." >&2; exit 2; }
export LOCAL_BACKEND_JVM_OPTIONS="${LOCAL_BACKEND_JVM_OPTIONS:--XX:TieredStopAtLevel=4 -Xmx256m}"
platform_up "$DATA/up.log"

HTTPS="${LOCAL_GATEWAY_HTTPS_PORT:-8443}"
API="${LOCAL_CLIENT_BACKEND_SERVER_PORT:-8082}"
PROVIDER="https://provider.localhost:$HTTPS"
CLIENT="https://client.localhost:$HTTPS"
printf '127.0.0.1 provider.localhost client.localhost mail.localhost\n' >"$DATA/hosts"
bench() { bench_java -Djdk.net.hosts.file="$DATA/hosts" "$ROOT/scripts/bench/ClientReadBench.java" "$@"; }

echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1), $(date -u +%Y-%m-%dT%H:%MZ)"
echo "== wrk, $CONNECTIONS connections, straight to the client backend (after a ${WARMUP_SECONDS:-120} s warm-up)"
bench "$PROVIDER" "$CLIENT" "$DATA/ca/ca.pem" 0 0 0 >"$DATA/share.env"
set -a
# shellcheck source=/dev/null
. "$DATA/share.env"
set +a
wrk -t2 -c"$CONNECTIONS" -d"${WARMUP_SECONDS:-120}s" -s "$ROOT/scripts/bench/full-read.lua" "http://127.0.0.1:$API" >/dev/null
wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_MEASURED}s" -s "$ROOT/scripts/bench/full-read.lua" "http://127.0.0.1:$API" \
  | sed -n '/^requests=/,$p'

echo "== Java client, $CONNECTIONS connections, through the local HTTPS gateway"
bench "$PROVIDER" "$CLIENT" "$DATA/ca/ca.pem" "$CONNECTIONS" 10 "$SECONDS_MEASURED"

for component in provider-backend client-backend; do
  pid="$(component_pid "$component")"
  printf '%s_rss_mib=%s\n' "$component" "$(awk '/^VmRSS:/ {print int($2 / 1024)}' "/proc/$pid/status")"
done
