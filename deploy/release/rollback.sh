#!/usr/bin/env bash
# Rolls back every release upgrade.sh changed in this run to its previous revision; fails the run
# either way (the deploy did not pass), and says so for a release that has nothing to roll back to.
#   deploy/release/rollback.sh <environment>
set -euo pipefail

record="${RUNNER_TEMP:-.}/upgraded"
while read -r release ns; do
  if [ "$(helm history "$release" --namespace "$ns" --max 2 --output json | jq length)" -lt 2 ]; then
    echo "::error::$release in $ns was installed by this run: no earlier revision to roll back to"
    continue
  fi
  helm rollback "$release" 0 --namespace "$ns" --wait --timeout 10m
  echo "::error::deploy to ${1:-the environment} failed: $release rolled back to its previous revision"
done < "$record"
exit 1
