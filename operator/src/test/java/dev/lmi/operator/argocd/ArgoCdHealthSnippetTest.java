package dev.lmi.operator.argocd;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

class ArgoCdHealthSnippetTest {

  @Test
  void argocdCmEmbedsTheLuaFilesVerbatim() throws IOException {
    var cm = Scripts.YAML.readTree(Scripts.argocdDir().resolve("argocd-cm.yaml").toFile());
    assertThat(cm.path("kind").asText()).isEqualTo("ConfigMap");
    assertThat(cm.path("metadata").path("name").asText()).isEqualTo("argocd-cm");
    var data = cm.path("data");
    assertThat(data.path("resource.customizations.health.lmi.dev_CapacityProvider").asText())
        .isEqualTo(Scripts.script("CapacityProvider"));
    assertThat(data.path("resource.customizations.health.lmi.dev_LmiFunction").asText())
        .isEqualTo(Scripts.script("LmiFunction"));
    assertThat(data.size()).isEqualTo(2);
  }

  @Test
  void exampleApplicationsSyncTheChartAndTheExamples() throws IOException {
    var apps = new ArrayList<JsonNode>();
    var file = Scripts.argocdDir().resolve("application-example.yaml").toFile();
    try (var parser = Scripts.YAML.getFactory().createParser(file)) {
      Scripts.YAML.readValues(parser, JsonNode.class).forEachRemaining(apps::add);
    }
    assertThat(apps).allMatch(a -> a.path("kind").asText().equals("Application"));
    assertThat(apps)
        .extracting(a -> a.path("spec").path("source").path("path").asText())
        .containsExactly("helm/lmi-operator", "examples");
    var examples = apps.get(1).path("spec").path("syncPolicy").path("syncOptions").toString();
    assertThat(examples).contains("SkipDryRunOnMissingResource=true", "PruneLast=true");
    assertThat(
            Scripts.argocdDir()
                .getParent()
                .getParent()
                .getParent()
                .resolve(apps.get(1).path("spec").path("source").path("path").asText()))
        .isDirectory();
  }
}
