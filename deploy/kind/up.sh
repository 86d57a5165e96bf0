#!/usr/bin/env bash
# Creates a local kind cluster (unless it exists), installs the add-ons and the gateway, loads the four
# images built locally ("oc-<app>:$OC_IMAGE_TAG") and installs both sites of the local environment.
# Usage: OC_IMAGE_TAG=<tag> deploy/kind/up.sh     (needs docker, and kind, kubectl, helm as in versions.env)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
deploy="$(dirname "$here")"
cluster="oc-platform"
# shellcheck source-path=SCRIPTDIR source=../bootstrap/versions.env
source "$deploy/bootstrap/versions.env"
# The oldest Kubernetes the charts support, as released with kind $KIND_VERSION (by digest).
node_image="${OC_KIND_NODE_IMAGE:-$KIND_NODE_IMAGE}"
tag="${OC_IMAGE_TAG:?set OC_IMAGE_TAG to the tag of the locally built images oc-<app>:<tag>}"
apps=(provider-frontend provider-backend client-frontend client-backend)

if [[ "$(kind version)" != "kind ${KIND_VERSION} "* ]]; then
  echo "kind ${KIND_VERSION} is required (its node images are built for it), found: $(kind version)" >&2
  exit 1
fi
if ! kind get clusters | grep -qx "$cluster"; then
  kind create cluster --name "$cluster" --image "$node_image" --config "$here/cluster.yaml" --wait 120s
fi
kubectl config use-context "kind-${cluster}"

"$deploy/bootstrap/install.sh" local

for app in "${apps[@]}"; do
  kind load docker-image --name "$cluster" "oc-${app}:${tag}"
done

for site in provider client; do
  helm upgrade --install "oc-${site}" "$deploy/charts/oc-platform" --namespace "oc-${site}" \
    --values "$deploy/environments/local.yaml" --set-string "image.tag=${tag}" \
    --wait --timeout 15m
done

kubectl --namespace oc-gateway wait certificate --all --for=condition=Ready --timeout 5m
echo "Ready: https://provider.localhost and https://client.localhost (CA: Secret oc-local-ca in cert-manager)"
