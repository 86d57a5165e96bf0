#!/usr/bin/env bash
# Load benchmark of the client read path at a steady rate (not a test). A "full read" is the document and its
# 1 MB file. Reads start on a fixed schedule whether or not earlier ones finished (an open model; latency counts
# from when a read was due), straight at the client backend's API port as the production gateway reaches it, and
# in the same run at nginx serving the same bytes at the same paths, as a yardstick of what the machine and the
# load generator manage. For each target:
#  1. RATE full reads per second for SECONDS, after a warm-up that does not count: for the backend WARMUP_SECONDS
#     at WARMUP_RATE (a freshly started JVM still compiles its hot paths, the AES-GCM ones among them, for a minute
#     or more; at the full rate it falls behind meanwhile and never catches up), then 10 s at RATE; for nginx 5 s;
#  2. the highest rate with p99 of at most 50 ms and no error, in steps of STEP_SECONDS (at most
#     MAX_SECONDS measured in all).
# Prints the figures, each backend's resident memory (now and its peak) and the load average of the machine.
#   scripts/bench-read-rate.sh [file stores, default "postgres"] [rate, default 200] [seconds, default 30]
# File stores: a space-separated list of FILE_STORE values (postgres, s3); the platform is started once for each,
# with --file-store for the ones other than postgres. The backends run with the production JVM's compiler and a
# 256 MiB heap (LOCAL_BACKEND_JVM_OPTIONS). Environment: WARMUP_SECONDS (90), WARMUP_RATE (60), STEP_SECONDS (5),
# MAX_SECONDS (30), NGINX_PORT (18089). Needs nginx (Debian: nginx-light).
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=bench-platform.sh
source "$(dirname "${BASH_SOURCE[0]}")/bench-platform.sh"
STORES="${1:-postgres}"
RATE="${2:-200}"
SECONDS_MEASURED="${3:-30}"
WARMUP="${WARMUP_SECONDS:-90}"
WARMUP_RATE="${WARMUP_RATE:-60}"
STEP="${STEP_SECONDS:-5}"
MAX_MEASURED="${MAX_SECONDS:-30}"
NGINX_PORT="${NGINX_PORT:-18089}"
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"
[ -x "$NGINX" ] || { echo "This benchmark needs nginx (apt-get install nginx-light)." >&2; exit 2; }
export LOCAL_BACKEND_JVM_OPTIONS="${LOCAL_BACKEND_JVM_OPTIONS:--XX:TieredStopAtLevel=4 -Xmx256m}"

HTTPS="${LOCAL_GATEWAY_HTTPS_PORT:-8443}"
API="http://127.0.0.1:${LOCAL_CLIENT_BACKEND_SERVER_PORT:-8082}"
printf '127.0.0.1 provider.localhost client.localhost mail.localhost\n' >"$DATA/hosts"
bench() { bench_java -Djdk.net.hosts.file="$DATA/hosts" "$ROOT/scripts/bench/ClientReadBench.java" "$@"; }
load() { echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"; }

# nginx in its own folder (readable by its workers), serving the saved bytes for any token and file id.
STATIC="$(mktemp -d "${TMPDIR:-/tmp}/oc-bench-nginx-XXXXXX")"
NGINX_PID=""
stop_nginx() {
  if [ -n "$NGINX_PID" ]; then
    kill "$NGINX_PID" 2>/dev/null || true
    wait "$NGINX_PID" 2>/dev/null || true
    NGINX_PID=""
  fi
  rm -rf "$STATIC"
}
trap 'stop_nginx; bench_cleanup' EXIT

start_nginx() {
  chmod 755 "$STATIC"
  chmod 644 "$STATIC/document.json" "$STATIC/file.bin"
  cat >"$STATIC/nginx.conf" <<EOF
worker_processes auto;
daemon off;
pid $STATIC/nginx.pid;
error_log $STATIC/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  keepalive_requests 100000;
  client_body_temp_path $STATIC/tmp;
  proxy_temp_path $STATIC/tmp;
  fastcgi_temp_path $STATIC/tmp;
  uwsgi_temp_path $STATIC/tmp;
  scgi_temp_path $STATIC/tmp;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $STATIC;
    location ~ ^/api/shares/[^/]+/document\$ { default_type application/json; try_files /document.json =404; }
    location ~ ^/api/shares/[^/]+/files/[^/]+\$ { default_type application/pdf; try_files /file.bin =404; }
  }
}
EOF
  "$NGINX" -p "$STATIC" -c "$STATIC/nginx.conf" &
  NGINX_PID=$!
  for _ in $(seq 50); do
    curl -fs -o /dev/null "http://127.0.0.1:$NGINX_PORT/api/shares/x/document" && return
    sleep 0.1
  done
  echo "nginx did not start; its log:" >&2
  cat "$STATIC/error.log" >&2
  exit 1
}

# Resident memory of a process and its children, now and at its peak (VmHWM), in MiB.
rss() {
  local files=("/proc/$1/status")
  for child in $(pgrep -P "$1"); do
    files+=("/proc/$child/status")
  done
  awk '/^VmRSS:/ {now += $2} /^VmHWM:/ {peak += $2} END {printf "rss_mib=%d peak_rss_mib=%d", now / 1024, peak / 1024}' \
    "${files[@]}"
}

# At one base URL: the constant rate (after $3 s at that rate, not counted), then the highest rate meeting the
# target.
measure() {
  local name="$1" base="$2" warmup="$3"
  if [ "$warmup" -gt 10 ]; then
    echo "-- $name: warm-up, $WARMUP_RATE full reads/s for $warmup s (not counted)"
    bench rate "$base" "$WARMUP_RATE" 0 "$warmup"
    warmup=10
  fi
  echo "-- $name: $RATE full reads/s for ${SECONDS_MEASURED} s after $warmup s at that rate ($(load))"
  bench rate "$base" "$RATE" "$warmup" "$SECONDS_MEASURED"
  echo "-- $name: highest rate with p99 <= 50 ms and no error (${STEP} s steps after 2 s each, from $RATE/s)"
  bench max "$base" "$RATE" 2 "$STEP" "$MAX_MEASURED"
}

echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1), $("$NGINX" -v 2>&1 | sed 's/.*: //'), $(date -u +%Y-%m-%dT%H:%MZ), commit $(git -C "$ROOT" rev-parse --short HEAD)"
echo "Backend JVM options: $LOCAL_BACKEND_JVM_OPTIONS"
first=true
for store in $STORES; do
  options=()
  [ "$store" = postgres ] || options=(--file-store "$store")
  export FILE_STORE="$store"
  echo "== file store $store: starting the platform"
  platform_up "$DATA/up-$store.log" "${options[@]}"
  bench "https://provider.localhost:$HTTPS" "https://client.localhost:$HTTPS" "$DATA/ca/ca.pem" 0 0 0 \
    "$STATIC" >"$DATA/share.env"
  set -a
  # shellcheck source=/dev/null
  . "$DATA/share.env"
  set +a
  if $first; then
    start_nginx
    echo "== nginx serving the same document and file"
    measure nginx "http://127.0.0.1:$NGINX_PORT" 5
    echo "nginx $(rss "$NGINX_PID")"
    first=false
  fi
  echo "== client backend, file store $store"
  measure "client backend ($store)" "$API" "$WARMUP"
  for component in client-backend provider-backend; do
    echo "$component ($store) $(rss "$(component_pid "$component")")"
  done
  echo "$(load) after the $store runs"
  platform_down
done
