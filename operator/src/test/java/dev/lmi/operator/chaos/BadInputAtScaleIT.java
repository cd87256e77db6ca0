package dev.lmi.operator.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.lmi.emulator.Timings;
import dev.lmi.operator.api.Architecture;
import dev.lmi.operator.api.LmiFunction;
import dev.lmi.operator.reconciler.OperatorSettings;
import dev.lmi.operator.status.Conditions;
import dev.lmi.operator.testing.OperatorHarness;
import dev.lmi.operator.testing.Resources;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * 200 manifests, a third of them broken in varied ways: the rest converge, AWS never sees the bad.
 */
class BadInputAtScaleIT {
  private static final String NS = "orders";
  private OperatorHarness h;

  @AfterEach
  void stop() {
    h.close();
  }

  /** One way to break a function, the Ready reason it must get and a fragment of its message. */
  private record Breakage(Consumer<LmiFunction> breakIt, String reason, String fragment) {}

  private static final List<Breakage> BREAKAGES =
      List.of(
          new Breakage(f -> f.getSpec().setMemoryMiB(1000), "InvalidSpec", "spec.memoryMiB"),
          new Breakage(
              f -> f.getSpec().setMemoryGiBPerVCpu(3),
              "InvalidSpec",
              "memoryGiBPerVCpu must be 2, 4 or 8"),
          new Breakage(
              f -> f.getSpec().setMemoryMiB(3072), "InvalidSpec", "is not a multiple of 2048"),
          new Breakage(
              f -> f.getSpec().setMaxConcurrencyPerEnvironment(65),
              "InvalidSpec",
              "more than 64 per vCPU"),
          new Breakage(
              f -> f.getSpec().getScaling().setMinExecutionEnvironments(9),
              "InvalidSpec",
              "is more than maxExecutionEnvironments"),
          new Breakage(f -> f.getSpec().setRoleArn("not-an-arn"), "InvalidSpec", "spec.roleArn"),
          new Breakage(
              f -> f.getSpec().setEnvironment(Map.of("AWS_REGION", "x")),
              "InvalidSpec",
              "reserves"),
          new Breakage(
              f -> f.getSpec().setArchitecture(Architecture.X86_64),
              "ArchitectureMismatch",
              "does not match"),
          new Breakage(
              f -> f.getMetadata().setNamespace("other"),
              "NamespaceNotAllowed",
              "does not allow namespace other"),
          new Breakage(
              f -> f.getSpec().getCapacityProviderRef().setName("nope"),
              "ProviderNotFound",
              "does not exist"));

  @Test
  void validFunctionsConvergeAndEachInvalidOneGetsAPreciseConditionWithoutAnAwsCall() {
    h = new OperatorHarness(Timings.fast()).withConcurrency(12);
    h.withSettings(
        OperatorSettings.defaults()
            .withPoll(Duration.ofMillis(300))
            .withResync(Duration.ofSeconds(60)));
    h.startOperator();
    // Two providers: LMI holds at most 100 function versions per provider.
    h.client().resource(Resources.provider("pool", NS)).create();
    h.client().resource(Resources.provider("pool-2", NS)).create();
    var invalid = new LinkedHashMap<String, Breakage>();
    for (var i = 0; i < 66; i++) {
      var b = BREAKAGES.get(i % BREAKAGES.size());
      var fn = Resources.function(NS, "bad-" + i, "pool");
      b.breakIt().accept(fn);
      h.client().resource(fn).create();
      invalid.put(fn.getMetadata().getNamespace() + "/bad-" + i, b);
    }
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              for (var e : invalid.entrySet()) {
                var parts = e.getKey().split("/");
                var fn =
                    h.client()
                        .resources(LmiFunction.class)
                        .inNamespace(parts[0])
                        .withName(parts[1])
                        .get();
                assertThat(fn.getStatus()).as(e.getKey()).isNotNull();
                var ready = fn.getStatus().getConditions().get(0);
                assertThat(ready.getReason()).as(e.getKey()).isEqualTo(e.getValue().reason());
                assertThat(ready.getMessage()).as(e.getKey()).contains(e.getValue().fragment());
              }
            });
    var functionOps =
        h.emulator().admin().counters().keySet().stream()
            .filter(op -> op.contains("Function") || op.contains("Alias") || op.contains("Version"))
            // The providers' own reads (e.g. counting attached versions) are not function calls.
            .filter(op -> !op.endsWith("ByCapacityProvider"))
            .toList();
    assertThat(functionOps).as("AWS calls made for invalid functions").isEmpty();

    var valid = new ArrayList<String>();
    for (var i = 0; i < 133; i++) {
      h.client()
          .resource(Resources.function(NS, "good-" + i, i % 2 == 0 ? "pool" : "pool-2"))
          .create();
      valid.add("good-" + i);
    }
    await()
        .atMost(Duration.ofSeconds(150))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> valid.stream().allMatch(this::ready));
    assertThat(h.emulator().admin().counters().get("CreateFunction").get("ok")).isEqualTo(133L);
  }

  private boolean ready(String name) {
    var fn = h.client().resources(LmiFunction.class).inNamespace(NS).withName(name).get();
    return fn.getStatus() != null
        && "Ready".equals(Conditions.readyReason(fn.getStatus().getConditions()));
  }
}
