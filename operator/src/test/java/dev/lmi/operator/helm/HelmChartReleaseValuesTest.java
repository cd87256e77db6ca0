package dev.lmi.operator.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The values added for a release: region, lease name, disruption budget, spread, log format. */
class HelmChartReleaseValuesTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @Test
  void refusesToRenderWithoutARegionAndSaysHowToGiveOne() {
    assertThatThrownBy(() -> Chart.renderOnly(""))
        .hasMessageContaining("operator.region is required")
        .hasMessageContaining("--set operator.region=eu-west-1");
    assertThatThrownBy(() -> Chart.renderOnly("operator: {region: Frankfurt}\n"))
        .hasMessageContaining("region");
  }

  @Test
  void rendersTheImageTheReleaseOfTheChartsAppVersionPushes() throws IOException {
    var chart = YAML.readTree(Chart.dir().resolve("Chart.yaml").toFile());
    var values = YAML.readTree(Chart.dir().resolve("values.yaml").toFile());
    var appVersion = chart.path("appVersion").asText();
    assertThat(chart.path("version").asText()).isEqualTo(appVersion);
    assertThat(values.path("image").path("tag").asText()).isEmpty();
    assertThat(values.path("image").path("digest").asText()).isEmpty();
    assertThat(Chart.render("").container().path("image").asText())
        .isEqualTo("ghcr.io/lmi-dev/lmi-operator:" + appVersion);
  }

  @Test
  void chartVersionIsTheProjectVersionWithoutItsSnapshotSuffix() throws IOException {
    var pom = java.nio.file.Files.readString(Chart.repoRoot().resolve("pom.xml"));
    var m = Pattern.compile("(?m)^  <version>([^<]+)</version>").matcher(pom);
    assertThat(m.find()).isTrue();
    var chart = YAML.readTree(Chart.dir().resolve("Chart.yaml").toFile());
    assertThat(chart.path("version").asText())
        .matches("\\d+\\.\\d+\\.\\d+")
        .isEqualTo(m.group(1).replace("-SNAPSHOT", ""));
  }

  @Test
  void namesTheLeasePerReleaseAndGrantsOnlyThatLease() {
    var r = Chart.render("replicaCount: 2\n");
    assertThat(r.env()).containsEntry("LMI_LEASE_NAME", "lmi-lmi-operator-leader");
    assertThat(leaseNames(r)).isEqualTo("[\"lmi-lmi-operator-leader\"]");

    var named = Chart.render("replicaCount: 2\nleaderElection: {leaseName: orders-operator}\n");
    assertThat(named.env()).containsEntry("LMI_LEASE_NAME", "orders-operator");
    assertThat(leaseNames(named)).isEqualTo("[\"orders-operator\"]");
    assertThatThrownBy(() -> Chart.render("leaderElection: {leaseName: Not_A_Name}\n"))
        .hasMessageContaining("leaseName");
    assertThatThrownBy(() -> Chart.render("leaderElection: {lease: x}\n"))
        .hasMessageContaining("lease");
  }

  @Test
  void spreadsSeveralReplicasOverNodesUnlessToldOtherwise() {
    var spread = pod(Chart.render("replicaCount: 2\n")).path("topologySpreadConstraints");
    assertThat(spread).hasSize(1);
    assertThat(spread.get(0).path("topologyKey").asText()).isEqualTo("kubernetes.io/hostname");
    assertThat(spread.get(0).path("whenUnsatisfiable").asText()).isEqualTo("ScheduleAnyway");
    assertThat(
            spread
                .get(0)
                .path("labelSelector")
                .path("matchLabels")
                .path("app.kubernetes.io/instance")
                .asText())
        .isEqualTo(Chart.RELEASE);

    var zones =
        pod(Chart.render(
                """
                    replicaCount: 3
                    topologySpreadConstraints:
                      - {maxSkew: 1, topologyKey: topology.kubernetes.io/zone, whenUnsatisfiable: DoNotSchedule}
                    """))
            .path("topologySpreadConstraints");
    assertThat(zones).hasSize(1);
    assertThat(zones.get(0).path("topologyKey").asText()).isEqualTo("topology.kubernetes.io/zone");
    assertThat(
            zones
                .get(0)
                .path("labelSelector")
                .path("matchLabels")
                .path("app.kubernetes.io/name")
                .asText())
        .isEqualTo("lmi-operator");
  }

  @Test
  void rendersADisruptionBudgetThatNeverBlocksADrain() {
    var pdb =
        Chart.render("replicaCount: 2\npodDisruptionBudget: {enabled: true}\n")
            .one("PodDisruptionBudget");
    assertThat(pdb.path("spec").path("minAvailable").asInt()).isEqualTo(1);
    assertThat(
            pdb.path("spec")
                .path("selector")
                .path("matchLabels")
                .path("app.kubernetes.io/instance")
                .asText())
        .isEqualTo(Chart.RELEASE);
    var byMax =
        Chart.render("replicaCount: 3\npodDisruptionBudget: {enabled: true, maxUnavailable: 1}\n")
            .one("PodDisruptionBudget");
    assertThat(byMax.path("spec").path("maxUnavailable").asInt()).isEqualTo(1);
    assertThat(byMax.path("spec").has("minAvailable")).isFalse();

    assertThatThrownBy(() -> Chart.render("podDisruptionBudget: {enabled: true}\n"))
        .hasMessageContaining("would block every node drain");
    assertThatThrownBy(
            () ->
                Chart.render(
                    "replicaCount: 3\npodDisruptionBudget: {enabled: true, minAvailable: 100%}\n"))
        .hasMessageContaining("would block every node drain");
    assertThatThrownBy(
            () ->
                Chart.render(
                    "replicaCount: 3\npodDisruptionBudget: {enabled: true, minAvailable: 1, maxUnavailable: 1}\n"))
        .hasMessageContaining("not both");
    assertThatThrownBy(() -> Chart.render("podDisruptionBudget: {enabled: true, max: 1}\n"))
        .hasMessageContaining("podDisruptionBudget");
  }

  @Test
  void passesTheLogFormatAndRefusesUnknownOnes() {
    assertThat(Chart.render("operator: {logFormat: json}\n").env())
        .containsEntry("LMI_LOG_FORMAT", "json");
    assertThatThrownBy(() -> Chart.render("operator: {logFormat: xml}\n"))
        .hasMessageContaining("logFormat");
  }

  private static JsonNode pod(Chart.Rendered r) {
    return r.one("Deployment").path("spec").path("template").path("spec");
  }

  private static String leaseNames(Chart.Rendered r) {
    var role = r.named("Role", "lmi-lmi-operator-leader-election");
    for (var rule : role.path("rules")) {
      if (rule.has("resourceNames")) {
        return rule.path("resourceNames").toString();
      }
    }
    throw new AssertionError("no rule names the lease: " + role);
  }
}
