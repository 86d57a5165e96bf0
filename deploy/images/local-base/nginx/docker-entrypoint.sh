#!/bin/sh
# Stand-in for the upstream image's entrypoint: its start scripts change nothing for the frontend image (its own
# default.conf, no templates, no tuning variables), so this only hands over to nginx, which becomes PID 1.
set -eu
exec "$@"
