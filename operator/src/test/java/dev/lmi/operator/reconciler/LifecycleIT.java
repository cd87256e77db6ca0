package dev.lmi.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.lmi.emulator.Timings;
import dev.lmi.operator.api.CapacityProvider;
import dev.lmi.operator.api.LmiFunction;
import dev.lmi.operator.status.Conditions;
import dev.lmi.operator.testing.OperatorHarness;
import dev.lmi.operator.testing.Resources;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LifecycleIT {
  private OperatorHarness h;

  @BeforeEach
  void start() {
    h = new OperatorHarness(Timings.fast()).startOperator();
  }

  @AfterEach
  void stop() {
    h.close();
  }

  @Test
  void providerAndFunctionConvergeThenCodeChangePublishesVersionTwoAndMovesAlias() {
    h.client().resource(Resources.provider("orders-pool", "orders")).create();
    h.client().resource(Resources.function("orders", "list-orders", "orders-pool")).create();
    var fn = awaitReady("orders", "list-orders");
    assertThat(fn.getStatus().getAliasVersion()).isEqualTo("1");
    assertThat(fn.getStatus().getScaling().getSettled()).isTrue();

    var changed =
        h.client().resources(LmiFunction.class).inNamespace("orders").withName("list-orders").get();
    changed.getSpec().getCode().getS3().setObjectVersion("2");
    h.client().resource(changed).update();
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              var now = get("orders", "list-orders");
              assertThat(now.getStatus().getAliasVersion()).isEqualTo("2");
              assertThat(Conditions.readyReason(now.getStatus().getConditions()))
                  .isEqualTo("Ready");
            });
    try (var lambda = h.lambda()) {
      var alias = lambda.getAlias(r -> r.functionName("orders-list-orders").name("live"));
      assertThat(alias.functionVersion()).isEqualTo("2");
    }
    // Events are written by a sender thread, a moment after the reconcile that raised them.
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThat(
                        h.client().v1().events().inNamespace("orders").list().getItems().stream()
                            .filter(e -> "list-orders".equals(e.getInvolvedObject().getName()))
                            .map(e -> e.getReason())
                            .toList())
                    .contains(
                        "Created",
                        "Published",
                        "AliasCreated",
                        "Scaled",
                        "UpdatedCode",
                        "AliasUpdated"));
  }

  private LmiFunction awaitReady(String ns, String name) {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              var fn = get(ns, name);
              assertThat(fn.getStatus()).as("status of %s", name).isNotNull();
              assertThat(Conditions.readyReason(fn.getStatus().getConditions()))
                  .as(fn.getStatus().getConditions().toString())
                  .isEqualTo("Ready");
            });
    return get(ns, name);
  }

  private LmiFunction get(String ns, String name) {
    return h.client().resources(LmiFunction.class).inNamespace(ns).withName(name).get();
  }

  CapacityProvider provider(String name) {
    return h.client().resources(CapacityProvider.class).withName(name).get();
  }
}
