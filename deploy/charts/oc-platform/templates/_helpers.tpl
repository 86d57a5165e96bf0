{{/* What the images promise, per site and kind (ports, routed paths); the values only tune it. */}}
{{- define "oc-platform.catalog" -}}
provider:
  frontend:
    ports: {http: 8080}
    routes:
      - {name: web, type: PathPrefix, path: /}
  backend:
    ports: {api: 8081, management: 9081}
    routes:
      - {name: login, type: Exact, path: /api/auth/login, rateLimit: login, bodyLimit: small}
      - {name: upload, type: RegularExpression, path: "^/api/documents/[^/]+/files$", timeout: transfer}
      - {name: download, type: RegularExpression, path: "^/api/documents/[^/]+/files/[^/]+$", timeout: transfer}
      - {name: api, type: PathPrefix, path: /api, bodyLimit: api}
client:
  frontend:
    ports: {http: 8080}
    routes:
      - {name: web, type: PathPrefix, path: /}
  backend:
    ports: {api: 8082, internal: 8182, management: 9082}
    routes:
      - {name: unlock, type: RegularExpression, path: "^/api/shares/[^/]+/unlock$", rateLimit: unlock, bodyLimit: small}
      - {name: download, type: RegularExpression, path: "^/api/shares/[^/]+/files/[^/]+$", timeout: transfer}
      - {name: api, type: PathPrefix, path: /api, bodyLimit: api}
{{- end }}

{{/* The site this release renders: the "site" value, else the site whose namespace is the release namespace. */}}
{{- define "oc-platform.site" -}}
{{- $site := .Values.site -}}
{{- if not $site -}}
{{- range $name, $s := .Values.sites -}}
{{- if eq $s.namespace $.Release.Namespace -}}
{{- $site = $name -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- if not $site -}}
{{- fail (printf "site is not set and release namespace %q is none of sites.provider.namespace (%s) and sites.client.namespace (%s): install into a site namespace or set site=provider|client" .Release.Namespace .Values.sites.provider.namespace .Values.sites.client.namespace) -}}
{{- end -}}
{{- $site -}}
{{- end }}

{{/* Catalog entry of one kind (frontend, backend) of a site: (dict "site" s "kind" k). */}}
{{- define "oc-platform.component" -}}
{{- toYaml (index (include "oc-platform.catalog" . | fromYaml) .site .kind) -}}
{{- end }}

{{/* Standard labels; pass the root context, or (dict "root" $ "name" component "kind" kind). */}}
{{- define "oc-platform.labels" -}}
{{- $root := .root | default . -}}
app.kubernetes.io/part-of: oc-platform
app.kubernetes.io/instance: {{ $root.Release.Name | trunc 63 | trimSuffix "-" }}
app.kubernetes.io/version: {{ $root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ $root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" $root.Chart.Name $root.Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
on-track.ch/environment: {{ $root.Values.environment }}
{{- if .name }}
{{ include "oc-platform.selectorLabels" . }}
{{- end }}
{{- end }}

{{/* Labels that select the pods of one component (immutable in a Deployment's selector). */}}
{{- define "oc-platform.selectorLabels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/component: {{ .kind }}
{{- end }}

{{/* Name of a site's CloudNativePG Cluster. */}}
{{- define "oc-platform.databaseName" -}}
{{- printf "%s-db" . -}}
{{- end }}

{{/* Secret with the backend's database credentials: CloudNativePG's "<cluster>-app" or the external one. */}}
{{- define "oc-platform.databaseSecret" -}}
{{- $db := .root.Values.backend.database -}}
{{- if eq $db.mode "external" -}}
{{- $db.external.secretName -}}
{{- else -}}
{{- printf "%s-app" (include "oc-platform.databaseName" .site) -}}
{{- end -}}
{{- end }}

{{/* Secret with the backend's own secrets: the existing one it is given, else the generated one. */}}
{{- define "oc-platform.appSecret" -}}
{{- .root.Values.backend.existingSecret | default (printf "%s-backend-secrets" .site) -}}
{{- end }}

{{/* Image reference: by digest when given, else by tag (default: image.tag, then the chart's appVersion). */}}
{{- define "oc-platform.image" -}}
{{- $values := .root.Values -}}
{{- $image := (index $values .kind).image -}}
{{- $default := printf "oc-%s" .name -}}
{{- if $values.image.repositoryPrefix -}}
{{- $default = printf "%s/oc-%s" $values.image.repositoryPrefix .name -}}
{{- end -}}
{{- $repository := $image.repository | default $default -}}
{{- $tag := $image.tag | default $values.image.tag | default .root.Chart.AppVersion -}}
{{- if eq $tag "latest" -}}
{{- fail (printf "%s.image.tag: \"latest\" is not allowed, use an immutable tag or a digest" .kind) -}}
{{- end -}}
{{- if $image.digest -}}
{{- printf "%s@%s" $repository $image.digest -}}
{{- else -}}
{{- printf "%s:%s" $repository $tag -}}
{{- end -}}
{{- end }}

{{/* Where a Barman Cloud ObjectStore keeps its files: (dict "destinationPath" "endpointURL" "credentialsSecret"). */}}
{{- define "oc-platform.objectStore" -}}
destinationPath: {{ .destinationPath | quote }}
{{- with .endpointURL }}
endpointURL: {{ . | quote }}
{{- end }}
s3Credentials:
  accessKeyId:
    name: {{ .credentialsSecret }}
    key: ACCESS_KEY_ID
  secretAccessKey:
    name: {{ .credentialsSecret }}
    key: ACCESS_SECRET_KEY
{{- end }}

{{/* Public URL of a site. */}}
{{- define "oc-platform.publicUrl" -}}
{{- printf "https://%s" (index .root.Values.sites .site).host -}}
{{- end }}

{{/* Non-secret environment of the site's backend (its ConfigMap): ports, URLs, SMTP, then the site's settings. */}}
{{- define "oc-platform.settings" -}}
{{- $root := .root -}}
{{- $catalog := include "oc-platform.catalog" . | fromYaml -}}
{{- $c := $catalog | dig .site "backend" dict -}}
{{- $env := dict "SERVER_PORT" (toString $c.ports.api) "MANAGEMENT_PORT" (toString $c.ports.management) -}}
{{- $_ := set $env "TRUSTED_PROXIES" (join "," $root.Values.gateway.proxyCidrs) -}}
{{- $_ := set $env "OTEL_EXPORTER_OTLP_ENDPOINT" $root.Values.tracing.otlpEndpoint -}}
{{- $_ := set $env "TRACING_SAMPLING_PROBABILITY" (toString $root.Values.tracing.samplingProbability) -}}
{{- if eq .site "provider" -}}
{{- $_ := set $env "PROVIDER_PUBLIC_URL" (include "oc-platform.publicUrl" (dict "root" $root "site" "provider")) -}}
{{- $_ := set $env "CLIENT_PUBLIC_URL" (include "oc-platform.publicUrl" (dict "root" $root "site" "client")) -}}
{{- $_ := set $env "CLIENT_INTERNAL_URL" (printf "http://client-backend.%s.svc:%v" $root.Values.sites.client.namespace $catalog.client.backend.ports.internal) -}}
{{- $_ := set $env "SMTP_HOST" $root.Values.smtp.host -}}
{{- $_ := set $env "SMTP_PORT" (toString $root.Values.smtp.port) -}}
{{- $_ := set $env "SMTP_STARTTLS" (toString $root.Values.smtp.starttls) -}}
{{- $_ := set $env "MAIL_FROM" $root.Values.smtp.from -}}
{{- else -}}
{{- $_ := set $env "INTERNAL_PORT" (toString $c.ports.internal) -}}
{{- end -}}
{{- $store := $root.Values.backend.fileStore -}}
{{- $_ := set $env "FILE_STORE" $store.type -}}
{{- if eq $store.type "s3" -}}
{{- $_ := set $env "S3_ENDPOINT" $store.s3.endpoint -}}
{{- $_ := set $env "S3_REGION" $store.s3.region -}}
{{- $_ := set $env "S3_BUCKET" (include "oc-platform.bucket" .) -}}
{{- $_ := set $env "S3_PATH_STYLE" (toString $store.s3.pathStyle) -}}
{{- end -}}
{{- range $key, $value := index $root.Values.settings .site -}}
{{- $_ := set $env $key (toString $value) -}}
{{- end -}}
{{- toYaml $env -}}
{{- end }}

{{/* TCP port of an http(s) URL: the one in the URL, else the scheme's (80, 443). */}}
{{- define "oc-platform.urlPort" -}}
{{- $url := urlParse . -}}
{{- $port := regexFind ":[0-9]+$" $url.host | trimPrefix ":" -}}
{{- $port | default (ternary "443" "80" (eq $url.scheme "https")) -}}
{{- end }}

{{/* Object store bucket of a site: backend.fileStore.s3.bucket with {environment} and {site} replaced. */}}
{{- define "oc-platform.bucket" -}}
{{- .root.Values.backend.fileStore.s3.bucket | replace "{environment}" .root.Values.environment | replace "{site}" .site -}}
{{- end }}

{{/* Keys of the backend's own Secret; SMTP credentials live there unless smtp.credentialsSecret names another. */}}
{{- define "oc-platform.secretKeys" -}}
{{- if eq .site "provider" -}}
{{- $keys := list "INTERNAL_API_SECRET" "FILE_ENCRYPTION_KEYS" "ACCESS_CODE_ENCRYPTION_KEY" -}}
{{- if not .root.Values.smtp.credentialsSecret -}}
{{- $keys = concat $keys (list "SMTP_USERNAME" "SMTP_PASSWORD") -}}
{{- end -}}
{{- toYaml $keys -}}
{{- else -}}
{{- toYaml (list "INTERNAL_API_SECRET" "FILE_ENCRYPTION_KEYS") -}}
{{- end -}}
{{- end }}

{{/* Checks what the schema cannot express and stops rendering with a clear message. */}}
{{- define "oc-platform.validate" -}}
{{- $v := .Values -}}
{{- if eq $v.sites.provider.namespace $v.sites.client.namespace -}}
{{- fail "sites.provider.namespace and sites.client.namespace must differ: each site has its own namespace" -}}
{{- end -}}
{{- $collector := $v.tracing.collector -}}
{{- if and $v.tracing.otlpEndpoint (not $collector.namespace) (not $collector.egressCidrs) -}}
{{- fail "tracing.collector.namespace or tracing.collector.egressCidrs is required when tracing.otlpEndpoint is set (the NetworkPolicy lets the backends reach only the collector)" -}}
{{- end -}}
{{- if not $v.smtp.host -}}
{{- fail "smtp.host is required (the provider backend sends the client links by e-mail)" -}}
{{- end -}}
{{- $s3 := $v.backend.fileStore.s3 -}}
{{- if eq $v.backend.fileStore.type "s3" -}}
{{- range $key := list "endpoint" "region" "existingSecret" -}}
{{- if not (index $s3 $key) -}}
{{- fail (printf "backend.fileStore.s3.%s is required when backend.fileStore.type is s3" $key) -}}
{{- end -}}
{{- end -}}
{{- if and (not $s3.namespace) (not $s3.egressCidrs) -}}
{{- fail "backend.fileStore.s3.namespace or backend.fileStore.s3.egressCidrs is required when backend.fileStore.type is s3 (the NetworkPolicy lets the backends reach only the object store)" -}}
{{- end -}}
{{- $endpointPort := include "oc-platform.urlPort" $s3.endpoint -}}
{{- if ne $endpointPort (toString $s3.port) -}}
{{- fail (printf "backend.fileStore.s3.port (%v) must be the port of backend.fileStore.s3.endpoint (%s): the NetworkPolicy opens only that one" $s3.port $endpointPort) -}}
{{- end -}}
{{- range $site := list "provider" "client" -}}
{{- $bucket := include "oc-platform.bucket" (dict "root" $ "site" $site) -}}
{{- if not (regexMatch "^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$" $bucket) -}}
{{- fail (printf "backend.fileStore.s3.bucket gives %q for the %s site: a bucket name has 3 to 63 lowercase letters, digits, dots and hyphens, and starts and ends with a letter or digit" $bucket $site) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- $db := $v.backend.database -}}
{{- if and (eq $db.mode "external") (not $db.external.secretName) -}}
{{- fail "backend.database.external.secretName is required when backend.database.mode is external" -}}
{{- end -}}
{{- if and (eq $db.mode "external") (not $db.external.egressCidrs) -}}
{{- fail "backend.database.external.egressCidrs is required when backend.database.mode is external (the NetworkPolicy lets the backend reach only these addresses)" -}}
{{- end -}}
{{- if and $db.backup.enabled (or (not $db.backup.destinationPath) (not $db.backup.credentialsSecret)) -}}
{{- fail "backend.database.backup needs destinationPath and credentialsSecret when enabled" -}}
{{- end -}}
{{- if and $db.restore.enabled (or (not ($db.restore.destinationPath | default $db.backup.destinationPath)) (not ($db.restore.credentialsSecret | default $db.backup.credentialsSecret))) -}}
{{- fail "backend.database.restore needs destinationPath and credentialsSecret (its own or backend.database.backup's) when enabled" -}}
{{- end -}}
{{- if and $db.restore.enabled $db.backup.enabled (eq ($db.restore.serverName | default "") ($db.backup.serverName | default "")) (eq ($db.restore.destinationPath | default $db.backup.destinationPath) $db.backup.destinationPath) -}}
{{- fail "backend.database.backup.serverName must differ from backend.database.restore.serverName when both use the same destinationPath: Barman does not archive into a folder that already holds WAL" -}}
{{- end -}}
{{- end }}
