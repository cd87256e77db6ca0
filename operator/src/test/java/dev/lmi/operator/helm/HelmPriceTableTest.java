package dev.lmi.operator.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lmi.operator.capacity.PriceTables;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** costEstimate.priceTable: a ConfigMap the operator reads at start, or nothing. */
class HelmPriceTableTest {
  private static final String PATH = "/etc/lmi-operator/price-table/price-table.yaml";

  // The shipped table under costEstimate.priceTable, renamed so the test sees it is the override.
  private static String override(String name) throws IOException {
    try (var in = PriceTables.class.getResourceAsStream(PriceTables.DEFAULT_RESOURCE)) {
      var table = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      var indented =
          table
              .replace("name: default", "name: " + name)
              .lines()
              .map(l -> "    " + l)
              .reduce("", (a, b) -> a + b + "\n");
      return "costEstimate:\n  priceTable:\n" + indented;
    }
  }

  @Test
  void byDefaultTheOperatorUsesTheTableInItsJar() {
    var r = Chart.render("");

    assertThat(r.ofKind("ConfigMap")).isEmpty();
    assertThat(r.env()).doesNotContainKey("LMI_PRICE_TABLE");
    assertThat(r.container().path("volumeMounts")).hasSize(1);
    assertThat(
            r.one("Deployment").path("spec").path("template").path("metadata").has("annotations"))
        .isFalse();
  }

  @Test
  void anOverrideIsMountedFromAConfigMapTheOperatorAccepts() throws Exception {
    var r = Chart.render(override("chart-override"));

    var configMap = r.named("ConfigMap", "lmi-lmi-operator-price-table");
    assertThat(configMap.path("metadata").path("namespace").asText()).isEqualTo(Chart.NAMESPACE);
    var rendered = configMap.path("data").path("price-table.yaml").asText();
    // What the chart writes is what the operator reads: parsed by the operator's own reader.
    var table = PriceTables.parse(rendered, "ConfigMap");
    assertThat(table.label()).isEqualTo("chart-override 2026-06, us-east-1");
    assertThat(table.price("arm64", 4).hourlyUsd()).isEqualByComparingTo("0.0816");
    assertThat(r.env()).containsEntry("LMI_PRICE_TABLE", PATH);
    var mount = r.container().path("volumeMounts").get(1);
    assertThat(mount.path("mountPath").asText()).isEqualTo("/etc/lmi-operator/price-table");
    assertThat(mount.path("readOnly").asBoolean()).isTrue();
    var volume =
        r.one("Deployment").path("spec").path("template").path("spec").path("volumes").get(1);
    assertThat(volume.path("configMap").path("name").asText())
        .isEqualTo("lmi-lmi-operator-price-table");
  }

  @Test
  void aNewTableRollsThePodsSinceItIsReadAtStart() throws Exception {
    var annotations =
        Chart.render(override("a") + "podAnnotations: {team: platform}\n")
            .one("Deployment")
            .path("spec")
            .path("template")
            .path("metadata")
            .path("annotations");
    var other =
        Chart.render(override("b"))
            .one("Deployment")
            .path("spec")
            .path("template")
            .path("metadata")
            .path("annotations");

    assertThat(annotations.path("team").asText()).isEqualTo("platform");
    assertThat(annotations.path("checksum/price-table").asText()).hasSize(64);
    assertThat(other.path("checksum/price-table").asText())
        .isNotEqualTo(annotations.path("checksum/price-table").asText());
  }

  @Test
  void refusesAPartialOrMisspeltTableAtRenderTime() throws Exception {
    assertThatThrownBy(() -> Chart.render("costEstimate:\n  priceTable: {name: x}\n"))
        .hasMessageContaining("priceTable");
    assertThatThrownBy(() -> Chart.render(override("x").replace("currency: USD", "currency: EUR")))
        .hasMessageContaining("currency");
    assertThatThrownBy(() -> Chart.render(override("x").replace("region:", "regoin:")))
        .hasMessageContaining("regoin");
    assertThatThrownBy(() -> Chart.render("costEstimate: {pricetable: {}}\n"))
        .hasMessageContaining("pricetable");
  }
}
