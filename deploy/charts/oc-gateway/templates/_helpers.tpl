{{/* Standard labels of every object of this chart. */}}
{{- define "oc-gateway.labels" -}}
app.kubernetes.io/name: oc-gateway
app.kubernetes.io/instance: {{ .Release.Name | trunc 63 | trimSuffix "-" }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: oc-platform
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Pod Security Admission labels: every namespace enforces the "restricted" profile. */}}
{{- define "oc-gateway.podSecurityLabels" -}}
pod-security.kubernetes.io/enforce: restricted
pod-security.kubernetes.io/enforce-version: latest
pod-security.kubernetes.io/audit: restricted
pod-security.kubernetes.io/warn: restricted
{{- end }}

{{/* Listener name of a site in an environment; the app chart's HTTPRoutes use it as sectionName. */}}
{{- define "oc-gateway.listenerName" -}}
{{- printf "%s-%s" .env.name .site.name | trunc 63 | trimSuffix "-" -}}
{{- end }}

{{/* Name of the Secret holding a listener's certificate. */}}
{{- define "oc-gateway.tlsSecretName" -}}
{{- printf "%s-%s-tls" .env.name .site.name | trunc 63 | trimSuffix "-" -}}
{{- end }}

{{/* Checks the values the schema cannot express and stops with a clear message. */}}
{{- define "oc-gateway.validate" -}}
{{- if and .Values.tls.letsEncrypt (not .Values.tls.acmeEmail) -}}
{{- fail "tls.acmeEmail is required when tls.letsEncrypt is true (the ACME account's contact address)" -}}
{{- end -}}
{{- if not .Values.environments -}}
{{- fail "environments must list at least one environment with its sites and hosts" -}}
{{- end -}}
{{- $hosts := dict -}}
{{- range $env := .Values.environments -}}
{{- if and (hasPrefix "letsencrypt" $env.issuer) (not $.Values.tls.letsEncrypt) -}}
{{- fail (printf "environment %s uses issuer %s but tls.letsEncrypt is false" $env.name $env.issuer) -}}
{{- end -}}
{{- if and (eq $env.issuer "oc-local-ca") (not $.Values.tls.selfSignedCa) -}}
{{- fail (printf "environment %s uses issuer oc-local-ca but tls.selfSignedCa is false" $env.name) -}}
{{- end -}}
{{- range $site := $env.sites -}}
{{- if hasKey $hosts $site.host -}}
{{- fail (printf "host %s is declared twice in environments" $site.host) -}}
{{- end -}}
{{- $_ := set $hosts $site.host true -}}
{{- end -}}
{{- end -}}
{{- end }}
