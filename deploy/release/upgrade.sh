#!/usr/bin/env bash
# Installs or upgrades both sites of an environment with the images image-tags.sh chose, client first
# (the provider backend calls it), each with --atomic; values come only from git (--reset-values).
#   deploy/release/upgrade.sh <production|staging> <registry prefix> <tags JSON: app -> tag>
# Writes the releases it changed to $RUNNER_TEMP/upgraded (or ./upgraded) for rollback.sh.
# PULL_SECRET names an image pull secret to use (set by pull-secret.sh when the packages are private).
set -euo pipefail

if [ $# -ne 3 ] || { [ "$1" != production ] && [ "$1" != staging ]; }; then
  echo "usage: $0 <production|staging> <registry prefix> <tags JSON>" >&2
  exit 2
fi
environment="$1" prefix="$2" tags="$3"
deploy="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
record="${RUNNER_TEMP:-.}/upgraded"
: > "$record"

tag() { jq -er --arg app "$1" '.[$app]' <<< "$tags"; }
namespace() { if [ "$environment" = production ]; then echo "oc-$1"; else echo "oc-staging-$1"; fi; }

for site in client provider; do
  release="oc-$site" ns="$(namespace "$site")"
  frontend="$(tag "$site-frontend")" backend="$(tag "$site-backend")"
  pull=()
  [ -n "${PULL_SECRET:-}" ] && pull=(--set-string "image.pullSecrets[0]=$PULL_SECRET")
  echo "$release $ns" >> "$record"
  helm upgrade "$release" "$deploy/charts/oc-platform" --install --atomic --wait --timeout 15m \
    --namespace "$ns" --history-max 10 --reset-values \
    --values "$deploy/environments/$environment.yaml" \
    --set-string "site=$site" \
    --set-string "image.repositoryPrefix=$prefix" \
    --set-string "frontend.image.tag=$frontend" \
    --set-string "backend.image.tag=$backend" \
    "${pull[@]}" \
    --description "frontend $frontend, backend $backend"
done
