{{/* Chart name, possibly overridden. */}}
{{- define "lmi-operator.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Full name: release-chart, unless the release already contains the chart name. */}}
{{- define "lmi-operator.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "lmi-operator.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "lmi-operator.selectorLabels" -}}
app.kubernetes.io/name: {{ include "lmi-operator.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "lmi-operator.labels" -}}
helm.sh/chart: {{ include "lmi-operator.chart" . }}
{{ include "lmi-operator.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/component: operator
{{- end }}

{{- define "lmi-operator.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "lmi-operator.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- required "serviceAccount.name is required when serviceAccount.create is false" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "lmi-operator.image" -}}
{{- if .Values.image.digest }}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}
{{- end }}

{{/*
"true" when leader election is on: explicitly, or automatically because replicaCount > 1.
Fails the render when replicaCount > 1 and leaderElection.enabled is explicitly false: two
replicas reconciling at once would race each other's AWS writes.
*/}}
{{- define "lmi-operator.leaderElection" -}}
{{- $replicas := int .Values.replicaCount }}
{{- $le := .Values.leaderElection | default dict }}
{{- $explicit := and (hasKey $le "enabled") (kindIs "bool" $le.enabled) }}
{{- if and $explicit (not $le.enabled) (gt $replicas 1) }}
{{- fail (printf "replicaCount is %d but leaderElection.enabled is false: with more than one replica leader election must be on (unset leaderElection.enabled or set it to true)" $replicas) }}
{{- end }}
{{- if or (gt $replicas 1) (and $explicit $le.enabled) }}true{{ end }}
{{- end }}

{{/* The leader-election Lease: leaderElection.leaseName, else one per release. */}}
{{- define "lmi-operator.leaseName" -}}
{{- $le := .Values.leaderElection | default dict }}
{{- default (printf "%s-leader" (include "lmi-operator.fullname" .)) $le.leaseName }}
{{- end }}

{{/* The AWS region: required, since the operator has no default and Pod Identity sets none. */}}
{{- define "lmi-operator.region" -}}
{{- required "operator.region is required: the AWS region the operator works in, e.g. --set operator.region=eu-west-1 (the operator has no default region, and EKS Pod Identity does not set AWS_REGION)" .Values.operator.region }}
{{- end }}
