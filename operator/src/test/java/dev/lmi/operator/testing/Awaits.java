package dev.lmi.operator.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.lmi.operator.api.CapacityProvider;
import dev.lmi.operator.api.LmiFunction;
import dev.lmi.operator.status.Conditions;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;

/** Polling helpers that wait for a resource's Ready reason. */
public final class Awaits {
  public static final Duration TIMEOUT = Duration.ofSeconds(45);

  private Awaits() {}

  public static LmiFunction function(KubernetesClient c, String ns, String name) {
    return c.resources(LmiFunction.class).inNamespace(ns).withName(name).get();
  }

  public static CapacityProvider provider(KubernetesClient c, String name) {
    return c.resources(CapacityProvider.class).withName(name).get();
  }

  public static LmiFunction functionReason(
      KubernetesClient c, String ns, String name, String reason) {
    await()
        .atMost(TIMEOUT)
        .pollInterval(Duration.ofMillis(100))
        .untilAsserted(
            () -> {
              var fn = function(c, ns, name);
              assertThat(fn.getStatus()).as("status of %s/%s", ns, name).isNotNull();
              assertThat(Conditions.readyReason(fn.getStatus().getConditions()))
                  .as("%s", fn.getStatus().getConditions())
                  .isEqualTo(reason);
              assertThat(fn.getStatus().getObservedGeneration())
                  .isEqualTo(fn.getMetadata().getGeneration());
            });
    return function(c, ns, name);
  }

  public static CapacityProvider providerReason(KubernetesClient c, String name, String reason) {
    await()
        .atMost(TIMEOUT)
        .pollInterval(Duration.ofMillis(100))
        .untilAsserted(
            () -> {
              var cp = provider(c, name);
              assertThat(cp.getStatus()).as("status of %s", name).isNotNull();
              assertThat(Conditions.readyReason(cp.getStatus().getConditions()))
                  .as("%s", cp.getStatus().getConditions())
                  .isEqualTo(reason);
            });
    return provider(c, name);
  }
}
