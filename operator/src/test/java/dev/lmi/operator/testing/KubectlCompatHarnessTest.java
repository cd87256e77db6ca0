package dev.lmi.operator.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lmi.emulator.Timings;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import org.junit.jupiter.api.Test;

/** The test harness can run its mock behind the same compatibility layer as the local mode. */
class KubectlCompatHarnessTest {

  @Test
  void harnessMergePatchDeletesKeysLikeARealApiServer() {
    try (var harness =
        OperatorHarness.kubectlCompatible(Timings.instant(), new ValidatorAdmission())) {
      var client = harness.client();
      client
          .resource(
              new ConfigMapBuilder()
                  .withNewMetadata()
                  .withName("cm")
                  .withNamespace("default")
                  .addToLabels("tier", "gold")
                  .addToLabels("team", "a")
                  .endMetadata()
                  .build())
          .create();

      client
          .configMaps()
          .inNamespace("default")
          .withName("cm")
          .patch(
              PatchContext.of(PatchType.JSON_MERGE), "{\"metadata\":{\"labels\":{\"tier\":null}}}");

      var labels =
          client.configMaps().inNamespace("default").withName("cm").get().getMetadata().getLabels();
      assertThat(labels).containsOnlyKeys("team");
    }
  }
}
