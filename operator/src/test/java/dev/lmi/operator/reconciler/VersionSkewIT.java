package dev.lmi.operator.reconciler;

import static dev.lmi.operator.testing.Awaits.function;
import static dev.lmi.operator.testing.Awaits.functionReason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lmi.emulator.Timings;
import dev.lmi.operator.api.Api;
import dev.lmi.operator.api.LmiFunction;
import dev.lmi.operator.status.IgnoredFields;
import dev.lmi.operator.testing.Awaits;
import dev.lmi.operator.testing.OperatorHarness;
import dev.lmi.operator.testing.Resources;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * Objects this operator cannot fully read, as version skew between CRD and operator produces them
 * (chart upgrade or rollback, CRDs applied by hand), stored raw in the API server, which checks no
 * schema: none of them stops the operator, and every other object keeps converging.
 */
class VersionSkewIT {
  private static final ResourceDefinitionContext FUNCTIONS =
      new ResourceDefinitionContext.Builder()
          .withGroup(Api.GROUP)
          .withVersion(Api.VERSION)
          .withPlural("lmifunctions")
          .withNamespaced(true)
          .build();
  private OperatorHarness h;

  @BeforeEach
  void servers() {
    h = new OperatorHarness(Timings.fast());
    h.withSettings(
        OperatorSettings.defaults()
            .withPoll(Duration.ofMillis(200))
            .withResync(Duration.ofSeconds(2)));
    h.client().resource(Resources.provider("orders-pool", "orders")).create();
  }

  @AfterEach
  void stop() {
    h.close();
  }

  /** A valid function as JSON, changed by {@code edit}, stored without any schema check. */
  private void storeRaw(String name, Consumer<ObjectNode> edit) {
    ObjectNode json =
        Serialization.jsonMapper().valueToTree(Resources.function("orders", name, "orders-pool"));
    edit.accept(json);
    var raw = Serialization.jsonMapper().convertValue(json, GenericKubernetesResource.class);
    h.client().genericKubernetesResources(FUNCTIONS).inNamespace("orders").resource(raw).create();
  }

  private void storeTheObjectsOfANewerCrd() {
    storeRaw("lots", f -> spec(f).put("memoryMiB", "lots"));
    storeRaw("py39", f -> spec(f).put("runtime", "python3.9"));
    storeRaw("shape", f -> spec(f).put("scaling", "big"));
    storeRaw("nospec", f -> f.remove("spec"));
    storeRaw(
        "newer",
        f -> {
          spec(f).putObject("futureField").put("x", 1);
          ((ObjectNode) spec(f).path("alias")).put("futureOption", true);
        });
  }

  private static ObjectNode spec(ObjectNode fn) {
    return (ObjectNode) fn.get("spec");
  }

  private void expectEachReadAsFarAsItCanBe(long readable) {
    assertThat(invalidMessage("lots")).contains("spec.memoryMiB: \"lots\" is not an integer");
    assertThat(invalidMessage("py39"))
        .contains("spec.runtime: \"python3.9\" is not a value this version of the operator knows");
    assertThat(invalidMessage("shape")).contains("spec.scaling: \"big\" is not an object");
    assertThat(invalidMessage("nospec")).isEqualTo("spec: required");
    var newer = functionReason(h.client(), "orders", "newer", "Ready");
    var warning =
        newer.getStatus().getConditions().stream()
            .filter(c -> IgnoredFields.TYPE.equals(c.getType()))
            .findFirst()
            .orElseThrow();
    assertThat(warning.getStatus()).isEqualTo("True");
    assertThat(warning.getMessage()).contains("spec.futureField", "spec.alias.futureOption");
    var creates = h.emulator().admin().counters().get("CreateFunction");
    assertThat(creates).as("only readable functions reach AWS").containsEntry("ok", readable);
  }

  private String invalidMessage(String name) {
    return functionReason(h.client(), "orders", name, "InvalidSpec")
        .getStatus()
        .getConditions()
        .get(0)
        .getMessage();
  }

  @Test
  void objectsItCannotReadDoNotStopTheOperatorWhenTheyAreThereBeforeItStarts() {
    storeTheObjectsOfANewerCrd();
    h.client().resource(Resources.function("orders", "good", "orders-pool")).create();

    h.startOperator();

    functionReason(h.client(), "orders", "good", "Ready");
    expectEachReadAsFarAsItCanBe(2);
  }

  @Test
  void objectsItCannotReadDoNotStopTheOperatorWhenTheyArriveWhileItRuns() {
    h.startOperator();
    h.client().resource(Resources.function("orders", "good", "orders-pool")).create();
    functionReason(h.client(), "orders", "good", "Ready");

    storeTheObjectsOfANewerCrd();
    h.client().resource(Resources.function("orders", "later", "orders-pool")).create();

    functionReason(h.client(), "orders", "later", "Ready");
    expectEachReadAsFarAsItCanBe(3);
  }

  @Test
  void aNewerOperatorReadsTheStatusAnOlderOneWrote() {
    h.startOperator();
    h.client().resource(Resources.function("orders", "good", "orders-pool")).create();
    functionReason(h.client(), "orders", "good", "Ready");
    h.stopOperator();
    patchRaw("good/status", "{\"status\":{\"legacyCounter\":7,\"versions\":\"1\"}}");

    h.startOperator();
    h.client().resource(Resources.function("orders", "after", "orders-pool")).create();

    functionReason(h.client(), "orders", "after", "Ready");
    var good = functionReason(h.client(), "orders", "good", "Ready");
    assertThat(good.getStatus().getAliasVersion()).isEqualTo("1");
    assertThat(h.emulator().admin().counters().get("CreateFunction")).containsEntry("ok", 2L);
  }

  @Test
  void deletingAnObjectItCannotReadStillDeletesTheFunctionItOwns() {
    h.startOperator();
    h.client().resource(Resources.function("orders", "good", "orders-pool")).create();
    functionReason(h.client(), "orders", "good", "Ready");
    patchRaw("good", "{\"spec\":{\"memoryMiB\":\"lots\"}}");
    functionReason(h.client(), "orders", "good", "InvalidSpec");

    h.client().resources(LmiFunction.class).inNamespace("orders").withName("good").delete();

    await().atMost(Awaits.TIMEOUT).until(() -> function(h.client(), "orders", "good") == null);
    try (var lambda = h.lambda()) {
      await()
          .atMost(Awaits.TIMEOUT)
          .until(() -> gone(() -> lambda.getFunction(r -> r.functionName("orders-good"))));
    }
  }

  @Test
  void aDeletionPolicyItCannotReadKeepsTheFunction() {
    h.startOperator();
    h.client().resource(Resources.function("orders", "good", "orders-pool")).create();
    functionReason(h.client(), "orders", "good", "Ready");
    patchRaw("good", "{\"spec\":{\"deletionPolicy\":\"Archive\"}}");
    assertThat(invalidMessage("good")).contains("spec.deletionPolicy: \"Archive\"");

    h.client().resources(LmiFunction.class).inNamespace("orders").withName("good").delete();

    await().atMost(Awaits.TIMEOUT).until(() -> function(h.client(), "orders", "good") == null);
    try (var lambda = h.lambda()) {
      assertThat(lambda.getFunction(r -> r.functionName("orders-good")).tags())
          .containsEntry(Api.OWNER_TAG, "default/LmiFunction/orders/good");
    }
  }

  private void patchRaw(String path, String mergePatch) {
    var parts = path.split("/");
    var handle =
        h.client().genericKubernetesResources(FUNCTIONS).inNamespace("orders").withName(parts[0]);
    var context = PatchContext.of(PatchType.JSON_MERGE);
    if (parts.length > 1) {
      handle.subresource("status").patch(context, mergePatch);
    } else {
      handle.patch(context, mergePatch);
    }
  }

  private static boolean gone(Runnable read) {
    try {
      read.run();
      return false;
    } catch (ResourceNotFoundException e) {
      return true;
    }
  }
}
