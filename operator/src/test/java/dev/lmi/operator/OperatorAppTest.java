package dev.lmi.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lmi.operator.api.CapacityProvider;
import dev.lmi.operator.api.LmiFunction;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.WatchEvent;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.Test;

class OperatorAppTest {
  private static final String EVENT =
      """
      {"type":"MODIFIED","object":{"apiVersion":"lmi.dev/v1alpha1","kind":"%s",
       "metadata":{"name":"x","namespace":"orders","resourceVersion":"7"},"spec":{}}}
      """;

  @Test
  void readsWatchEventsOfBothKindsStraightIntoTheirClasses() {
    var serialization = new KubernetesSerialization();
    assertThat(objectOf(serialization, "LmiFunction"))
        .as("an unknown kind is read as a generic map first")
        .isInstanceOf(GenericKubernetesResource.class);

    OperatorApp.registerKinds(serialization);

    assertThat(objectOf(serialization, "LmiFunction")).isInstanceOf(LmiFunction.class);
    assertThat(objectOf(serialization, "CapacityProvider")).isInstanceOf(CapacityProvider.class);
  }

  @Test
  void theFrameworksCopiesKeepWhatTheTolerantReaderFound() {
    var serialization = new KubernetesSerialization();
    var read =
        serialization.unmarshal(
            """
            {"apiVersion":"lmi.dev/v1alpha1","kind":"LmiFunction",
             "metadata":{"name":"x","namespace":"orders"},"spec":{"memoryMiB":"lots"}}
            """,
            LmiFunction.class);

    var copy = Resilience.cloner(serialization).clone(read);

    assertThat(copy).isNotSameAs(read);
    assertThat(copy.readIssues().unreadable("spec.memoryMiB")).isTrue();
  }

  @Test
  void anInformerThatStopsOnAnErrorFailsTheHealthInsteadOfExiting() {
    var watchdog = new Watchdog(java.time.Clock.systemUTC(), Watchdog.STUCK_AFTER);
    var handler = Resilience.informerStopped(watchdog);

    handler.onStop(null, null);
    assertThat(watchdog.wedged()).as("a stop without error is a shutdown").isEmpty();
    handler.onStop(null, new IllegalStateException("cannot parse"));
    assertThat(watchdog.wedged()).hasValueSatisfying(w -> assertThat(w).contains("stopped"));
  }

  private static Object objectOf(KubernetesSerialization serialization, String kind) {
    return serialization.unmarshal(EVENT.formatted(kind), WatchEvent.class).getObject();
  }
}
