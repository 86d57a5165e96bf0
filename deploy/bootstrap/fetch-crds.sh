#!/usr/bin/env bash
# Downloads the upstream CRD manifests of the pinned add-ons into a folder, for the chart tests'
# schema validation (CRDS_DIR) on machines that have no copy of them, e.g. CI runners.
#   deploy/bootstrap/fetch-crds.sh <folder>
set -euo pipefail

if [ $# -ne 1 ]; then
  echo "Usage: $0 <folder to download the CRD manifests into>" >&2
  exit 2
fi
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source-path=SCRIPTDIR source=versions.env
source "$HERE/versions.env"
OUT="$1"
RAW="https://raw.githubusercontent.com"

fetch() { # <folder> <repository> <tag> <path in the repository> <file>...
  local folder="$OUT/$1" repo="$2" tag="$3" path="$4"
  shift 4
  mkdir -p "$folder"
  for file in "$@"; do
    curl -fsSL --retry 3 -o "$folder/$file" "$RAW/$repo/$tag/$path/$file"
  done
}

fetch "gateway-api-$GATEWAY_API_VERSION-standard" kubernetes-sigs/gateway-api "$GATEWAY_API_VERSION" config/crd/standard \
  gateway.networking.k8s.io_backendtlspolicies.yaml gateway.networking.k8s.io_gatewayclasses.yaml \
  gateway.networking.k8s.io_gateways.yaml gateway.networking.k8s.io_grpcroutes.yaml \
  gateway.networking.k8s.io_httproutes.yaml gateway.networking.k8s.io_listenersets.yaml \
  gateway.networking.k8s.io_referencegrants.yaml gateway.networking.k8s.io_tcproutes.yaml \
  gateway.networking.k8s.io_tlsroutes.yaml gateway.networking.k8s.io_udproutes.yaml
fetch "envoy-gateway-$ENVOY_GATEWAY_VERSION" envoyproxy/gateway "$ENVOY_GATEWAY_VERSION" \
  charts/gateway-helm/charts/crds/crds/generated \
  gateway.envoyproxy.io_backends.yaml gateway.envoyproxy.io_backendtrafficpolicies.yaml \
  gateway.envoyproxy.io_clienttrafficpolicies.yaml gateway.envoyproxy.io_envoyextensionpolicies.yaml \
  gateway.envoyproxy.io_envoypatchpolicies.yaml gateway.envoyproxy.io_envoyproxies.yaml \
  gateway.envoyproxy.io_httproutefilters.yaml gateway.envoyproxy.io_securitypolicies.yaml
fetch "cert-manager-$CERT_MANAGER_VERSION" cert-manager/cert-manager "$CERT_MANAGER_VERSION" deploy/crds \
  acme.cert-manager.io_challenges.yaml acme.cert-manager.io_orders.yaml \
  cert-manager.io_certificaterequests.yaml cert-manager.io_certificates.yaml \
  cert-manager.io_clusterissuers.yaml cert-manager.io_issuers.yaml
fetch "cloudnative-pg-v$CNPG_OPERATOR_VERSION" cloudnative-pg/cloudnative-pg "v$CNPG_OPERATOR_VERSION" config/crd/bases \
  postgresql.cnpg.io_backups.yaml postgresql.cnpg.io_clusterimagecatalogs.yaml postgresql.cnpg.io_clusters.yaml \
  postgresql.cnpg.io_databaseroles.yaml postgresql.cnpg.io_databases.yaml postgresql.cnpg.io_failoverquorums.yaml \
  postgresql.cnpg.io_imagecatalogs.yaml postgresql.cnpg.io_poolers.yaml postgresql.cnpg.io_publications.yaml \
  postgresql.cnpg.io_scheduledbackups.yaml postgresql.cnpg.io_subscriptions.yaml
fetch "plugin-barman-cloud-$BARMAN_CLOUD_PLUGIN_VERSION" cloudnative-pg/plugin-barman-cloud "$BARMAN_CLOUD_PLUGIN_VERSION" \
  config/crd/bases barmancloud.cnpg.io_objectstores.yaml
fetch "prometheus-operator-$PROMETHEUS_OPERATOR_VERSION" prometheus-operator/prometheus-operator \
  "$PROMETHEUS_OPERATOR_VERSION" example/prometheus-operator-crd \
  monitoring.coreos.com_podmonitors.yaml monitoring.coreos.com_prometheusrules.yaml \
  monitoring.coreos.com_servicemonitors.yaml
echo "CRD manifests in $OUT"
