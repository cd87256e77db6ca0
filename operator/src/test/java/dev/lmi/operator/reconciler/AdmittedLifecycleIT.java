package dev.lmi.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.lmi.emulator.Timings;
import dev.lmi.operator.api.CapacityProvider;
import dev.lmi.operator.api.LmiFunction;
import dev.lmi.operator.status.Conditions;
import dev.lmi.operator.testing.OperatorHarness;
import dev.lmi.operator.testing.Resources;
import dev.lmi.operator.testing.ValidatorAdmission;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The operator behind admission as a real API server does it (the local mode's): its finalizer
 * patches, status writes and deletes are never refused and never lose a field to pruning, over a
 * whole create, update and delete.
 */
class AdmittedLifecycleIT {
  private final ValidatorAdmission admission = new ValidatorAdmission();
  private OperatorHarness h;

  @BeforeEach
  void start() {
    h = OperatorHarness.kubectlCompatible(Timings.fast(), admission).startOperator();
  }

  @AfterEach
  void stop() {
    h.close();
  }

  @Test
  void admissionNeverRefusesNorPrunesTheOperatorsWrites() {
    h.client().resource(Resources.provider("orders-pool", "orders")).create();
    h.client().resource(Resources.function("orders", "list-orders", "orders-pool")).create();
    awaitReason("list-orders", "Ready");

    var changed = function();
    changed.getSpec().setMemoryMiB(4096);
    h.client().resource(changed).update();
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> assertThat(function().getStatus().getObservedGeneration()).isEqualTo(2L));
    awaitReason("list-orders", "Ready");

    h.client().resource(function()).delete();
    h.client().resources(CapacityProvider.class).withName("orders-pool").delete();
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              assertThat(function()).isNull();
              assertThat(h.client().resources(CapacityProvider.class).withName("orders-pool").get())
                  .isNull();
            });
    assertThat(admission.refusals()).isEmpty();
    assertThat(admission.pruned()).isEmpty();
  }

  private void awaitReason(String name, String reason) {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              var fn = function();
              assertThat(fn.getStatus()).as("status of %s", name).isNotNull();
              assertThat(Conditions.readyReason(fn.getStatus().getConditions())).isEqualTo(reason);
            });
  }

  private LmiFunction function() {
    return h.client()
        .resources(LmiFunction.class)
        .inNamespace("orders")
        .withName("list-orders")
        .get();
  }
}
