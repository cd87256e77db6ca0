package dev.lmi.operator.reconciler;

import static dev.lmi.operator.testing.Awaits.function;
import static dev.lmi.operator.testing.Awaits.functionReason;
import static dev.lmi.operator.testing.Awaits.providerReason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.lmi.emulator.Timings;
import dev.lmi.operator.api.Api;
import dev.lmi.operator.api.CapacityProvider;
import dev.lmi.operator.api.LmiFunction;
import dev.lmi.operator.api.PlanStep;
import dev.lmi.operator.testing.Awaits;
import dev.lmi.operator.testing.OperatorHarness;
import dev.lmi.operator.testing.Resources;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** lmi.dev/dry-run: "true" plans without applying; removing it applies the plan. */
class DryRunIT {
  private OperatorHarness h;

  @BeforeEach
  void start() {
    h = new OperatorHarness(Timings.fast());
    h.withSettings(
        OperatorSettings.defaults()
            .withPoll(Duration.ofMillis(200))
            .withResync(Duration.ofMillis(500)));
    h.startOperator();
  }

  @AfterEach
  void stop() {
    h.close();
  }

  private long dryRunEvents(String namespace, String name) {
    return h.client().v1().events().inNamespace(namespace).list().getItems().stream()
        .filter(e -> name.equals(e.getInvolvedObject().getName()))
        .filter(e -> "DryRun".equals(e.getReason()))
        .count();
  }

  @Test
  void plansAFunctionIntoItsStatusWithoutWritingAndAppliesItOnceTheAnnotationGoes()
      throws InterruptedException {
    h.client().resource(Resources.provider("orders-pool", "orders")).create();
    providerReason(h.client(), "orders-pool", "Ready");
    h.emulator().admin().resetCounters();
    var fn = Resources.function("orders", "list-orders", "orders-pool");
    fn.getMetadata().setAnnotations(Map.of(Api.DRY_RUN_ANNOTATION, "true"));
    h.client().resource(fn).create();

    var planned = functionReason(h.client(), "orders", "list-orders", "DryRun");
    var plan = planned.getStatus().getPlan();
    assertThat(plan.getChange()).isEqualTo("create");
    assertThat(plan.getActions())
        .extracting(PlanStep::getType)
        .containsExactly("Create", "Wait", "CreateAlias", "PutScaling", "Wait");
    assertThat(planned.getStatus().getConditions().get(0).getStatus()).isEqualTo("False");
    assertThat(planned.getStatus().getConditions().get(0).getMessage())
        .contains("would create", "lmi.dev/dry-run");
    // Several resyncs later: still nothing written, and one Event for the one plan.
    Thread.sleep(2000);
    assertThat(h.emulator().admin().writeCalls())
        .as("%s", h.emulator().admin().counters())
        .isZero();
    await().atMost(Duration.ofSeconds(5)).until(() -> dryRunEvents("orders", "list-orders") >= 1);
    assertThat(dryRunEvents("orders", "list-orders")).isEqualTo(1);

    var live = function(h.client(), "orders", "list-orders");
    live.getMetadata().setAnnotations(new HashMap<>());
    h.client().resource(live).update();
    var ready = functionReason(h.client(), "orders", "list-orders", "Ready");
    assertThat(ready.getStatus().getPlan()).isNull();
    assertThat(h.emulator().admin().counters().get("CreateFunction")).containsEntry("ok", 1L);
  }

  @Test
  void aDryRunOfAChangeShowsItWithOldAndNewValuesAndLeavesAwsAsItWas() {
    h.client().resource(Resources.provider("orders-pool", "orders")).create();
    providerReason(h.client(), "orders-pool", "Ready");
    h.client().resource(Resources.function("orders", "list-orders", "orders-pool")).create();
    functionReason(h.client(), "orders", "list-orders", "Ready");
    var fn = function(h.client(), "orders", "list-orders");
    fn.getMetadata().setAnnotations(Map.of(Api.DRY_RUN_ANNOTATION, "true"));
    fn.getSpec().setMemoryMiB(4096);
    h.emulator().admin().resetCounters();
    h.client().resource(fn).update();

    var planned = functionReason(h.client(), "orders", "list-orders", "DryRun");

    assertThat(planned.getStatus().getPlan().getActions().get(0).getDescription())
        .isEqualTo("update configuration: memoryMiB 2048 → 4096");
    assertThat(h.emulator().admin().writeCalls()).isZero();
    try (var lambda = h.lambda()) {
      assertThat(
              lambda
                  .getFunctionConfiguration(r -> r.functionName("orders-list-orders"))
                  .memorySize())
          .isEqualTo(2048);
    }
  }

  @Test
  void aProviderInDryRunIsPlannedNotCreatedAndItsFunctionsWait() {
    var cp = Resources.provider("orders-pool", "orders");
    cp.getMetadata().setAnnotations(Map.of(Api.DRY_RUN_ANNOTATION, "true"));
    h.client().resource(cp).create();
    var planned = providerReason(h.client(), "orders-pool", "DryRun");
    assertThat(planned.getStatus().getPlan().getActions().get(0).getDescription())
        .isEqualTo("create capacity provider orders-pool (arm64)");
    h.client().resource(Resources.function("orders", "list-orders", "orders-pool")).create();
    functionReason(h.client(), "orders", "list-orders", "WaitingForProvider");
    assertThat(h.emulator().admin().writeCalls()).isZero();

    var live = Awaits.provider(h.client(), "orders-pool");
    live.getMetadata().setAnnotations(new HashMap<>());
    h.client().resource(live).update();
    providerReason(h.client(), "orders-pool", "Ready");
    functionReason(h.client(), "orders", "list-orders", "Ready");
    assertThat(
            h.client()
                .resources(CapacityProvider.class)
                .withName("orders-pool")
                .get()
                .getStatus()
                .getPlan())
        .isNull();
    assertThat(h.client().resources(LmiFunction.class).inNamespace("orders").list().getItems())
        .hasSize(1);
  }
}
