package dev.lmi.operator.reconciler;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes Kubernetes Events for AWS writes and failures, so `kubectl describe` tells the story. */
public class EventRecorder {
  private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);
  private final KubernetesClient client;
  private final String namespaceForClusterScoped;
  private final Clock clock;

  public EventRecorder(KubernetesClient client, String namespaceForClusterScoped, Clock clock) {
    this.client = client;
    this.namespaceForClusterScoped = namespaceForClusterScoped;
    this.clock = clock;
  }

  public void normal(HasMetadata about, String reason, String message) {
    record(about, "Normal", reason, message);
  }

  public void warning(HasMetadata about, String reason, String message) {
    record(about, "Warning", reason, message);
  }

  private void record(HasMetadata about, String type, String reason, String message) {
    LOG.info(
        "{} {}/{}: {} {}", type, about.getKind(), about.getMetadata().getName(), reason, message);
    var ns = about.getMetadata().getNamespace();
    var eventNs = ns != null ? ns : namespaceForClusterScoped;
    var now = Instant.now(clock).toString();
    var event =
        new EventBuilder()
            .withNewMetadata()
            .withName(
                about.getMetadata().getName() + "." + UUID.randomUUID().toString().substring(0, 8))
            .withNamespace(eventNs)
            .endMetadata()
            .withInvolvedObject(
                new ObjectReferenceBuilder()
                    .withApiVersion(about.getApiVersion())
                    .withKind(about.getKind())
                    .withName(about.getMetadata().getName())
                    .withNamespace(ns)
                    .withUid(about.getMetadata().getUid())
                    .build())
            .withType(type)
            .withReason(reason)
            .withMessage(message)
            .withFirstTimestamp(now)
            .withLastTimestamp(now)
            .withCount(1)
            .withNewSource("lmi-operator", null)
            .build();
    try {
      client.v1().events().inNamespace(eventNs).resource(event).create();
    } catch (KubernetesClientException e) {
      // Events are best effort: a missing namespace or RBAC gap must not fail a reconcile.
      LOG.debug(
          "could not record event {} for {}: {}",
          reason,
          about.getMetadata().getName(),
          e.getMessage());
    }
  }
}
