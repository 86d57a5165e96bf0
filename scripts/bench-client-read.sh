#!/usr/bin/env bash
# Load benchmark of the client read path (not a test): after one unlock, 50 connections each read
# the document and then a 1 MB file, again and again, through the local HTTPS gateway. Prints full
# reads per second, p50/p99 latency and each backend's resident memory.
#   scripts/bench-client-read.sh [connections, default 50] [seconds, default 30]
# Starts the platform on a temporary data directory with the default ports, stops it afterwards.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CONNECTIONS="${1:-50}"
SECONDS_MEASURED="${2:-30}"
DATA="$(mktemp -d "${TMPDIR:-/tmp}/oc-bench-XXXXXX")"
export LOCAL_DATA_DIR="$DATA"
UP_PID=""

cleanup() {
  if [ -n "$UP_PID" ] && kill -0 "$UP_PID" 2>/dev/null; then
    "$ROOT/platform" down >/dev/null 2>&1 || true
    wait "$UP_PID" 2>/dev/null || true
  fi
  rm -rf "$DATA"
}
trap cleanup EXIT

"$ROOT/platform" up --no-demo-data >"$DATA/up.log" 2>&1 &
UP_PID=$!
until grep -q '^All ready in' "$DATA/up.log"; do
  if ! kill -0 "$UP_PID" 2>/dev/null; then
    echo "The platform did not start; its output:" >&2
    tail -n 30 "$DATA/up.log" >&2
    exit 1
  fi
  sleep 0.2
done

HTTPS_PORT="${LOCAL_GATEWAY_HTTPS_PORT:-8443}"
printf '127.0.0.1 provider.localhost client.localhost\n' >"$DATA/hosts"
echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1), $(date -u +%Y-%m-%dT%H:%MZ)"
java -Djdk.net.hosts.file="$DATA/hosts" "$ROOT/scripts/bench/ClientReadBench.java" \
  "https://provider.localhost:$HTTPS_PORT" "https://client.localhost:$HTTPS_PORT" "$DATA/ca/ca.pem" \
  "$CONNECTIONS" 10 "$SECONDS_MEASURED"

for component in provider-backend client-backend; do
  pid="$(awk -F= -v k="pids.$component" '$1 == k {split($2, p, ","); print p[1]}' "$DATA/state.properties")"
  printf '%s_rss_mib=%s\n' "$component" "$(awk '/^VmRSS:/ {print int($2 / 1024)}' "/proc/$pid/status")"
done
