#!/usr/bin/env bash
# Creates or updates the image pull secret "ghcr-pull" in both site namespaces of $ENVIRONMENT from
# GHCR_PULL_TOKEN (a token with read:packages) and GHCR_PULL_USER, and tells upgrade.sh to use it
# (PULL_SECRET in $GITHUB_ENV). Without a token nothing happens: the packages are public.
set -euo pipefail

if [ -z "${GHCR_PULL_TOKEN:-}" ]; then
  echo "No GHCR_PULL_TOKEN in the environment: pulling the images without a secret (public packages)."
  exit 0
fi
: "${GHCR_PULL_USER:?set the environment variable GHCR_PULL_USER to the token owner}"
for site in provider client; do
  if [ "$ENVIRONMENT" = production ]; then ns="oc-$site"; else ns="oc-staging-$site"; fi
  kubectl create secret docker-registry ghcr-pull --namespace "$ns" --docker-server ghcr.io \
    --docker-username "$GHCR_PULL_USER" --docker-password "$GHCR_PULL_TOKEN" --dry-run=client --output yaml \
    | kubectl apply --filename -
done
echo "PULL_SECRET=ghcr-pull" >> "${GITHUB_ENV:-/dev/null}"
