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
Fails the render when replicaCount > 1 and leaderElection is explicitly false: two replicas
reconciling at once would race each other's AWS writes.
*/}}
{{- define "lmi-operator.leaderElection" -}}
{{- $replicas := int .Values.replicaCount }}
{{- $explicit := hasKey .Values "leaderElection" }}
{{- if and $explicit (kindIs "bool" .Values.leaderElection) (not .Values.leaderElection) (gt $replicas 1) }}
{{- fail (printf "replicaCount is %d but leaderElection is false: with more than one replica leader election must be on (unset leaderElection or set it to true)" $replicas) }}
{{- end }}
{{- if or (gt $replicas 1) (and $explicit .Values.leaderElection) }}true{{ end }}
{{- end }}

{{/* The name of the Lease the operator uses; fixed in the operator (OperatorApp). */}}
{{- define "lmi-operator.leaseName" -}}lmi-operator-leader{{- end }}
