#!/usr/bin/env bash
# Installs or upgrades the cluster add-ons (Gateway API and Envoy Gateway, cert-manager, CloudNativePG and its
# Barman Cloud plugin, prometheus-operator CRDs, the monitoring stack: kube-prometheus-stack, Loki, Alloy), then the
# oc-gateway chart with the given cluster's values.
# Usage: deploy/bootstrap/install.sh <cloud|local>    (needs kubectl and helm at the versions in versions.env)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
deploy="$(dirname "$here")"
cluster="${1:-}"
if [[ "$cluster" != "cloud" && "$cluster" != "local" ]]; then
  echo "usage: $0 <cloud|local>  (gateway values from deploy/environments/gateway/<cluster>.yaml)" >&2
  exit 2
fi

# shellcheck source-path=SCRIPTDIR source=versions.env
source "$here/versions.env"

log() { printf '\n==> %s\n' "$*"; }

log "Gateway API ${GATEWAY_API_VERSION} and Envoy Gateway CRDs"
# Applied server-side, as upstream recommends: Helm never upgrades CRDs, and a cluster may already have them.
helm template eg-crds oci://docker.io/envoyproxy/gateway-crds-helm --version "$ENVOY_GATEWAY_VERSION" \
  --values "$here/values/envoy-gateway-crds.yaml" | kubectl apply --server-side --force-conflicts --filename -
installed="$(kubectl get crd gateways.gateway.networking.k8s.io \
  --output 'jsonpath={.metadata.annotations.gateway\.networking\.k8s\.io/bundle-version}')"
if [[ "$installed" != "$GATEWAY_API_VERSION" ]]; then
  echo "Gateway API CRDs are ${installed:-missing}, expected ${GATEWAY_API_VERSION}" >&2
  exit 1
fi

log "Envoy Gateway ${ENVOY_GATEWAY_VERSION}"
helm upgrade --install eg oci://docker.io/envoyproxy/gateway-helm \
  --version "$ENVOY_GATEWAY_VERSION" --namespace envoy-gateway-system --create-namespace \
  --skip-crds --values "$here/values/envoy-gateway.yaml" --wait --timeout 10m

log "cert-manager ${CERT_MANAGER_VERSION}"
helm upgrade --install cert-manager oci://quay.io/jetstack/charts/cert-manager \
  --version "$CERT_MANAGER_VERSION" --namespace cert-manager --create-namespace \
  --values "$here/values/cert-manager.yaml" --wait --timeout 10m

log "CloudNativePG ${CNPG_OPERATOR_VERSION} (chart ${CNPG_CHART_VERSION})"
helm repo add cnpg https://cloudnative-pg.github.io/charts --force-update >/dev/null
app_version="$(helm show chart cnpg/cloudnative-pg --version "$CNPG_CHART_VERSION" | sed -n 's/^appVersion: *//p' | tr -d '"')"
if [[ "$app_version" != "$CNPG_OPERATOR_VERSION" ]]; then
  echo "chart cloudnative-pg ${CNPG_CHART_VERSION} ships operator ${app_version}, expected ${CNPG_OPERATOR_VERSION}" >&2
  exit 1
fi
helm upgrade --install cnpg cnpg/cloudnative-pg \
  --version "$CNPG_CHART_VERSION" --namespace cnpg-system --create-namespace \
  --values "$here/values/cloudnative-pg.yaml" --wait --timeout 10m

log "Barman Cloud plugin ${BARMAN_CLOUD_PLUGIN_VERSION} (chart ${BARMAN_CLOUD_CHART_VERSION}), next to the operator"
# Backups and restores of the CloudNativePG Clusters (needs cert-manager, installed above).
app_version="$(helm show chart cnpg/plugin-barman-cloud --version "$BARMAN_CLOUD_CHART_VERSION" | sed -n 's/^appVersion: *//p' | tr -d '"')"
if [[ "$app_version" != "$BARMAN_CLOUD_PLUGIN_VERSION" ]]; then
  echo "chart plugin-barman-cloud ${BARMAN_CLOUD_CHART_VERSION} ships ${app_version}, expected ${BARMAN_CLOUD_PLUGIN_VERSION}" >&2
  exit 1
fi
helm upgrade --install barman-cloud cnpg/plugin-barman-cloud \
  --version "$BARMAN_CLOUD_CHART_VERSION" --namespace cnpg-system \
  --wait --timeout 10m

log "prometheus-operator ${PROMETHEUS_OPERATOR_VERSION} CRDs"
# All of them (kube-prometheus-stack's Prometheus and Alertmanager need theirs); its chart installs none (crds.enabled).
for crd in alertmanagerconfigs alertmanagers podmonitors probes prometheusagents prometheuses prometheusrules \
  scrapeconfigs servicemonitors thanosrulers; do
  kubectl apply --server-side --force-conflicts --filename \
    "https://raw.githubusercontent.com/prometheus-operator/prometheus-operator/${PROMETHEUS_OPERATOR_VERSION}/example/prometheus-operator-crd/monitoring.coreos.com_${crd}.yaml"
done

log "kube-prometheus-stack ${KUBE_PROMETHEUS_STACK_CHART_VERSION}: Prometheus, Alertmanager, Grafana"
helm repo add prometheus-community https://prometheus-community.github.io/helm-charts --force-update >/dev/null
app_version="$(helm show chart prometheus-community/kube-prometheus-stack --version "$KUBE_PROMETHEUS_STACK_CHART_VERSION" \
  | sed -n 's/^appVersion: *//p' | tr -d '"')"
if [[ "$app_version" != "$PROMETHEUS_OPERATOR_VERSION" ]]; then
  echo "chart kube-prometheus-stack ${KUBE_PROMETHEUS_STACK_CHART_VERSION} ships prometheus-operator ${app_version}, expected ${PROMETHEUS_OPERATOR_VERSION}" >&2
  exit 1
fi
helm upgrade --install kube-prometheus-stack prometheus-community/kube-prometheus-stack \
  --version "$KUBE_PROMETHEUS_STACK_CHART_VERSION" --namespace monitoring --create-namespace \
  --values "$here/values/kube-prometheus-stack.yaml" --wait --timeout 10m

log "Loki chart ${LOKI_CHART_VERSION} (monolithic, filesystem storage)"
helm repo add grafana-community https://grafana-community.github.io/helm-charts --force-update >/dev/null
helm upgrade --install loki grafana-community/loki \
  --version "$LOKI_CHART_VERSION" --namespace monitoring \
  --values "$here/values/loki.yaml" --wait --timeout 10m

log "Alloy chart ${ALLOY_CHART_VERSION} (collects every pod's logs into Loki)"
helm repo add grafana https://grafana.github.io/helm-charts --force-update >/dev/null
helm upgrade --install alloy grafana/alloy \
  --version "$ALLOY_CHART_VERSION" --namespace monitoring \
  --values "$here/values/alloy.yaml" --wait --timeout 10m

log "oc-gateway chart (namespaces, Gateway, issuers, certificates) for the ${cluster} cluster"
# The release lives in "default": the chart creates (and keeps) the namespaces it labels.
helm upgrade --install oc-gateway "$deploy/charts/oc-gateway" --namespace default \
  --values "$deploy/environments/gateway/${cluster}.yaml" --wait --timeout 10m

log "Done. Next: the applications of each environment, see docs/kubernetes.md"
