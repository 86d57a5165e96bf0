#!/usr/bin/env bash
# Size, start-to-ready time and memory of the four images run as the chart runs them (rootful podman), for
# docs/performance.md. Runs the image tests' container flow with probes every second and prints the table
# (deploy/image-tests/target/image-bench.tsv). Needs root, podman and debootstrap (see .ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -pl deploy/image-tests -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test='ContainerFlowIT#recordsSizeStartAndMemory' -Dfailsafe.failIfNoSpecifiedTests=false -Dimages.bench=true
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(. /etc/os-release; echo "$PRETTY_NAME"), load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
cat deploy/image-tests/target/image-bench.tsv
