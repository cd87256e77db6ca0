package dev.lmi.operator.reconciler;

import dev.lmi.operator.metrics.OperatorMetrics;
import dev.lmi.operator.reconciler.apply.Events;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes Kubernetes Events for AWS writes and failures, so `kubectl describe` tells the story.
 *
 * <p>Events are best effort and never hold a reconcile up: like client-go's broadcaster, a
 * reconcile hands the event to a bounded queue and one sender thread writes it. When the API server
 * falls behind and the queue is full, further events are dropped (and counted) rather than slowing
 * convergence or growing memory. The log line is written at once either way.
 */
public class EventRecorder implements AutoCloseable, Events {
  private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);
  static final int QUEUE_CAPACITY = 4096;
  private final KubernetesClient client;
  private final String namespaceForClusterScoped;
  private final Clock clock;
  private final OperatorMetrics metrics;
  private final BlockingQueue<Event> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong inFlight = new AtomicLong();
  private final Thread sender;
  private volatile boolean closed;

  public EventRecorder(KubernetesClient client, String namespaceForClusterScoped, Clock clock) {
    this(client, namespaceForClusterScoped, clock, null);
  }

  public EventRecorder(
      KubernetesClient client,
      String namespaceForClusterScoped,
      Clock clock,
      OperatorMetrics metrics) {
    this.metrics = metrics;
    this.client = client;
    this.namespaceForClusterScoped = namespaceForClusterScoped;
    this.clock = clock;
    this.sender = Thread.ofPlatform().daemon().name("lmi-events").start(this::send);
  }

  /** Events dropped because the queue was full. */
  public long dropped() {
    return dropped.get();
  }

  /** Waits up to {@code timeout} for queued events to be written; true when none are left. */
  public boolean flush(Duration timeout) throws InterruptedException {
    var deadline = System.nanoTime() + timeout.toNanos();
    while (inFlight.get() > 0) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(10);
    }
    return true;
  }

  /** Writes what is queued (for at most two seconds), then stops the sender. */
  @Override
  public void close() {
    try {
      flush(Duration.ofSeconds(2));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    closed = true;
    sender.interrupt();
  }

  @Override
  public void normal(HasMetadata about, String reason, String message) {
    record(about, "Normal", reason, message);
  }

  @Override
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
    inFlight.incrementAndGet();
    if (closed || !queue.offer(event)) {
      inFlight.decrementAndGet();
      if (metrics != null) {
        metrics.eventDropped();
      }
      if (dropped.incrementAndGet() % 100 == 1) {
        LOG.warn("event queue full: {} event(s) dropped so far", dropped.get());
      }
    }
  }

  private void send() {
    while (!closed) {
      Event event;
      try {
        event = queue.take();
      } catch (InterruptedException e) {
        return;
      }
      try {
        client
            .v1()
            .events()
            .inNamespace(event.getMetadata().getNamespace())
            .resource(event)
            .create();
      } catch (KubernetesClientException e) {
        // Best effort: a missing namespace or RBAC gap must not fail anything.
        LOG.debug(
            "could not record event {} for {}: {}",
            event.getReason(),
            event.getInvolvedObject().getName(),
            e.getMessage());
      } catch (RuntimeException e) {
        LOG.debug("could not record event {}: {}", event.getReason(), e.toString());
      } finally {
        inFlight.decrementAndGet();
      }
    }
  }
}
