package dev.lmi.operator;

import dev.lmi.operator.api.Tolerant;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.javaoperatorsdk.operator.api.config.Cloner;
import io.javaoperatorsdk.operator.api.config.InformerStoppedHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the operator plugs into the framework so that no object and no informer stops it. */
final class Resilience {
  private static final Logger LOG = LoggerFactory.getLogger(Resilience.class);

  private Resilience() {}

  /**
   * The framework's copies of an object (one per reconcile) go through JSON, which does not carry
   * what the tolerant reader found: the copy gets the original's issues.
   */
  static Cloner cloner(KubernetesSerialization serialization) {
    return new Cloner() {
      @Override
      public <R extends HasMetadata> R clone(R object) {
        var copy = serialization.clone(object);
        if (object instanceof Tolerant from && copy instanceof Tolerant to) {
          to.readIssues(from.readIssues());
        }
        return copy;
      }
    };
  }

  /**
   * An informer stops only on an error it cannot retry (the tolerant reader leaves none for our
   * kinds). The framework's default handler exits the process, taking every tenant down; here it is
   * logged and the watchdog fails /healthz, so that Kubernetes restarts the pod with its backoff.
   */
  static InformerStoppedHandler informerStopped(Watchdog watchdog) {
    return (informer, error) -> {
      if (error != null) {
        LOG.error("informer {} stopped: {}", informer, error.toString());
        watchdog.informerStopped(String.valueOf(informer));
      }
    };
  }
}
