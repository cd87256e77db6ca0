package dev.lmi.operator.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lmi.operator.DurationConverter;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HelmChartTest {

  @Test
  void passesStrictLint() {
    var result = Chart.helm().lint().strict().call();
    assertThat(result.isFailed()).as("%s", result.getMessages()).isFalse();
    assertThat(result.getMessages())
        .noneMatch(m -> m.contains("[WARNING]") || m.contains("[ERROR]"));
  }

  @Test
  void rendersAHardenedSingleReplicaByDefault() {
    var r = Chart.render("");
    var deployment = r.one("Deployment");
    assertThat(deployment.path("metadata").path("namespace").asText()).isEqualTo(Chart.NAMESPACE);
    assertThat(deployment.path("spec").path("replicas").asInt()).isEqualTo(1);
    assertThat(deployment.path("spec").path("strategy").path("type").asText())
        .isEqualTo("Recreate");
    var pod = deployment.path("spec").path("template").path("spec");
    assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).isTrue();
    assertThat(pod.path("securityContext").path("seccompProfile").path("type").asText())
        .isEqualTo("RuntimeDefault");
    var c = r.container();
    assertThat(c.path("image").asText()).isEqualTo("ghcr.io/lmi-dev/lmi-operator:0.1.0");
    var sc = c.path("securityContext");
    assertThat(sc.path("readOnlyRootFilesystem").asBoolean()).isTrue();
    assertThat(sc.path("allowPrivilegeEscalation").asBoolean()).isFalse();
    assertThat(sc.path("runAsNonRoot").asBoolean()).isTrue();
    assertThat(texts(sc.path("capabilities").path("drop"))).containsExactly("ALL");
    assertThat(sc.path("seccompProfile").path("type").asText()).isEqualTo("RuntimeDefault");
    assertThat(c.path("volumeMounts").get(0).path("mountPath").asText()).isEqualTo("/tmp");
    assertThat(pod.path("volumes").get(0).has("emptyDir")).isTrue();
    assertThat(c.path("resources").path("requests").path("memory").asText()).isEqualTo("512Mi");
    assertThat(c.path("resources").path("limits").path("memory").asText()).isEqualTo("512Mi");
    assertThat(c.path("resources").path("limits").path("cpu").asText()).isEqualTo("1");
    assertThat(c.path("livenessProbe").path("httpGet").path("path").asText()).isEqualTo("/healthz");
    assertThat(c.path("livenessProbe").path("httpGet").path("port").asInt()).isEqualTo(8081);
    assertThat(c.path("readinessProbe").path("httpGet").path("path").asText()).isEqualTo("/readyz");
    assertThat(c.path("readinessProbe").path("httpGet").path("port").asInt()).isEqualTo(8081);

    var env = r.env();
    assertThat(env)
        .containsEntry("POD_NAMESPACE", "metadata.namespace")
        .containsEntry("LMI_LEADER_ELECTION", "false")
        .containsEntry("LMI_NAMESPACES", "")
        .containsEntry("LMI_RESYNC_PERIOD", "10m")
        .containsEntry("LMI_CLUSTER_NAME", "default")
        .containsEntry("LMI_AWS_CALLS_PER_SECOND", "20")
        .containsEntry("LMI_METRICS_PORT", "8080")
        .containsEntry("LMI_HEALTH_PORT", "8081")
        .containsEntry("JAVA_TOOL_OPTIONS", "-Dorg.slf4j.simpleLogger.log.dev.lmi=info")
        .containsEntry("AWS_REGION", "eu-west-1")
        .containsEntry("LMI_LOG_FORMAT", "text")
        .doesNotContainKeys("AWS_ENDPOINT_URL", "LMI_LEASE_NAME");
    assertThat(pod.has("topologySpreadConstraints")).isFalse();
    assertThat(r.ofKind("PodDisruptionBudget")).isEmpty();

    assertThat(r.one("ServiceAccount").path("metadata").has("annotations")).isFalse();
    assertThat(r.one("ClusterRoleBinding").path("subjects").get(0).path("namespace").asText())
        .isEqualTo(Chart.NAMESPACE);
    assertThat(r.ofKind("Role")).isEmpty();
    assertThat(r.ofKind("RoleBinding")).isEmpty();
    assertThat(r.ofKind("ServiceMonitor")).isEmpty();
    var service = r.one("Service");
    assertThat(service.path("spec").path("ports").get(0).path("targetPort").asText())
        .isEqualTo("metrics");
    // CRDs live in crds/ (installed before the templates, never upgraded by Helm), not templates/.
    assertThat(r.ofKind("CustomResourceDefinition")).isEmpty();
  }

  @Test
  void rendersReplicasWithLeaderElectionAndTheOtherKnobs() {
    var r =
        Chart.render(
            """
            replicaCount: 3
            operator:
              region: eu-west-1
              namespaces: [orders, search]
              resyncPeriod: 5m
              logLevel: debug
              clusterName: prod-eu
              awsCallsPerSecond: 7.5
            serviceAccount:
              annotations:
                eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/lmi-operator
            serviceMonitor:
              enabled: true
              labels: {release: prometheus}
            resources:
              requests: {cpu: 250m, memory: 384Mi}
              limits: {cpu: "2", memory: 1Gi}
            """);
    var deployment = r.one("Deployment");
    assertThat(deployment.path("spec").path("replicas").asInt()).isEqualTo(3);
    assertThat(deployment.path("spec").path("strategy").path("type").asText())
        .isEqualTo("RollingUpdate");
    assertThat(r.env())
        .containsEntry("LMI_LEADER_ELECTION", "true")
        .containsEntry("AWS_REGION", "eu-west-1")
        .containsEntry("LMI_NAMESPACES", "orders,search")
        .containsEntry("LMI_RESYNC_PERIOD", "5m")
        .containsEntry("LMI_CLUSTER_NAME", "prod-eu")
        .containsEntry("LMI_AWS_CALLS_PER_SECOND", "7.5")
        .containsEntry("JAVA_TOOL_OPTIONS", "-Dorg.slf4j.simpleLogger.log.dev.lmi=debug");
    assertThat(r.container().path("resources").path("limits").path("memory").asText())
        .isEqualTo("1Gi");
    assertThat(
            r.one("ServiceAccount")
                .path("metadata")
                .path("annotations")
                .path("eks.amazonaws.com/role-arn")
                .asText())
        .isEqualTo("arn:aws:iam::123456789012:role/lmi-operator");

    var role = r.named("Role", "lmi-lmi-operator-leader-election");
    assertThat(role.path("metadata").path("namespace").asText()).isEqualTo(Chart.NAMESPACE);
    assertThat(role.path("rules").toString()).contains("coordination.k8s.io", "leases");
    assertThat(
            r.named("RoleBinding", "lmi-lmi-operator-leader-election")
                .path("roleRef")
                .path("name")
                .asText())
        .isEqualTo(role.path("metadata").path("name").asText());

    var monitor = r.one("ServiceMonitor");
    assertThat(monitor.path("metadata").path("labels").path("release").asText())
        .isEqualTo("prometheus");
    assertThat(monitor.path("spec").path("endpoints").get(0).path("port").asText())
        .isEqualTo("metrics");
  }

  @Test
  void grantsFunctionRightsOnlyInTheWatchedNamespaces() {
    var r = Chart.render("operator:\n  namespaces: [orders, search]\n");
    assertThat(r.one("ClusterRole").path("rules").toString())
        .contains("capacityproviders")
        .doesNotContain("lmifunctions", "events");
    var roles = r.ofKind("Role");
    assertThat(roles)
        .extracting(role -> role.path("metadata").path("namespace").asText())
        .containsExactlyInAnyOrder("orders", "search", Chart.NAMESPACE);
    assertThat(roles)
        .filteredOn(
            role -> !role.path("metadata").path("namespace").asText().equals(Chart.NAMESPACE))
        .allMatch(role -> role.path("rules").toString().contains("lmifunctions/status"));
    assertThat(r.ofKind("RoleBinding")).hasSize(3);
  }

  @Test
  void turnsLeaderElectionOnForOneReplicaWhenAsked() {
    var r = Chart.render("leaderElection: {enabled: true}\n");
    assertThat(r.env()).containsEntry("LMI_LEADER_ELECTION", "true");
    assertThat(r.ofKind("Role")).hasSize(1);
  }

  @Test
  void refusesSeveralReplicasWithLeaderElectionOff() {
    assertThatThrownBy(() -> Chart.render("replicaCount: 2\nleaderElection: {enabled: false}\n"))
        .hasMessageContaining("replicaCount is 2 but leaderElection.enabled is false");
  }

  @Test
  void refusesUnknownKeysAndWrongTypes() {
    assertThatThrownBy(() -> Chart.render("replicas: 2\n"))
        .hasMessageContaining("values don't meet the specifications of the schema")
        .hasMessageContaining("replicas");
    assertThatThrownBy(() -> Chart.render("replicaCount: two\n"))
        .hasMessageContaining("replicaCount");
    assertThatThrownBy(() -> Chart.render("operator:\n  logLevel: verbose\n"))
        .hasMessageContaining("logLevel");
    assertThatThrownBy(() -> Chart.render("operator:\n  resyncPeriod: 10 minutes\n"))
        .hasMessageContaining("resyncPeriod");
    assertThatThrownBy(() -> Chart.render("serviceMonitor:\n  enabled: yes please\n"))
        .hasMessageContaining("serviceMonitor");
  }

  @Test
  void refusesAServiceMonitorWithoutTheMetricsService() {
    assertThatThrownBy(
            () ->
                Chart.render(
                    "serviceMonitor: {enabled: true}\nmetrics: {service: {enabled: false}}\n"))
        .hasMessageContaining("serviceMonitor.enabled needs metrics.service.enabled");
  }

  @Test
  void notesTellHowToCheckTheInstallation() {
    var notes =
        Chart.helm()
            .install()
            .withName(Chart.RELEASE)
            .withNamespace(Chart.NAMESPACE)
            .set("operator.region", "eu-west-1")
            .dryRun()
            .clientOnly()
            .call()
            .getOutput();
    assertThat(notes)
        .contains("kubectl -n lmi-system get pods -l app.kubernetes.io/instance=lmi")
        .contains("kubectl -n lmi-system logs deploy/lmi-lmi-operator")
        .contains("kubectl get lmicp,lmifn -A")
        .contains("port-forward svc/lmi-lmi-operator-metrics 8080:8080")
        .contains("aws eks create-pod-identity-association")
        .contains("Region: eu-west-1")
        .doesNotContain("us-east-1")
        .contains("WARNING: operator.clusterName is \"default\"");
  }

  @Test
  void setsOnlyEnvironmentVariablesTheOperatorReads() throws IOException {
    var read = new TreeSet<String>(List.of("JAVA_TOOL_OPTIONS"));
    var env = Pattern.compile("env:([A-Z_]+)|getenv\\(\"([A-Z_]+)\"\\)");
    var main = Chart.repoRoot().resolve("operator/src/main/java/dev/lmi/operator");
    for (var file : new String[] {"OperatorOptions.java", "RunCommand.java"}) {
      var m = env.matcher(Files.readString(main.resolve(file)));
      while (m.find()) {
        read.add(m.group(1) != null ? m.group(1) : m.group(2));
      }
    }
    var r = Chart.render("operator: {region: eu-west-1, awsEndpointUrl: 'http://emulator:4566'}\n");
    assertThat(read).containsAll(r.env().keySet());
    assertThat(DurationConverter.parse(r.env().get("LMI_RESYNC_PERIOD")))
        .isEqualTo(Duration.ofMinutes(10));
  }

  private static List<String> texts(JsonNode array) {
    var out = new ArrayList<String>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
