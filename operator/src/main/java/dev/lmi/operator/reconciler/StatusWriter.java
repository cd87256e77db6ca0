package dev.lmi.operator.reconciler;

import dev.lmi.operator.api.ConditionedStatus;
import dev.lmi.operator.metrics.OperatorMetrics;
import dev.lmi.operator.status.Conditions;
import dev.lmi.operator.status.Outcome;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way status is written, on every path (reconcile, cleanup, error): the whole new status,
 * its Ready condition and always its observedGeneration, as one JSON Patch; a write that fails is
 * logged, counted and retried by a requeue, never dropped in silence.
 *
 * <p>Read-your-writes for status. The framework hands a reconcile the informer's copy, which can
 * lag behind a status this operator wrote a moment ago (its own status patch is not fed back into
 * the cache). Acting on that older status would repeat AWS writes, so the operator writes status
 * itself, as one JSON Patch of the status subresource, remembers what it wrote, and starts each
 * reconcile from whichever is newer.
 *
 * <p>A waiting step that the next look, due within a second, may already have left behind (the
 * function is being created, the scaling is being applied) is held here instead of written: it is
 * written when the next reconcile finds the resource still in it, or when it has been held for a
 * second. Only a poll under a second holds anything: `run` polls AWS every 5 s, so there every step
 * is written as it begins; the local mode (500 ms) and the benchmark (200 ms) poll an emulator
 * whose steps pass in a few hundred milliseconds, and there the status moves straight to where they
 * led, with two writes fewer per function. A held status lives only in this process: if it is lost
 * (a restart, a new leader), the next reconcile reads AWS and finds what the held one recorded. A
 * reconcile that ends Ready, failed, retrying or waiting on something other than the poll is
 * written at once.
 */
final class StatusWriter<T extends ConditionedStatus> {
  /** The longest a passing step is held before it is written however often it changed. */
  static final Duration HOLD_AT_MOST = Duration.ofSeconds(1);

  /** How soon a reconcile whose status write failed runs again, at the latest. */
  static final Duration RETRY_WRITE = Duration.ofSeconds(5);

  private static final Logger LOG = LoggerFactory.getLogger(StatusWriter.class);

  private record Written(long resourceVersion, Object status) {}

  private record Held(Object status, Instant since) {}

  private final Class<T> type;
  private final Clock clock;
  private final OperatorMetrics metrics;
  private final String kind;
  private final Map<String, Written> written = new ConcurrentHashMap<>();
  private final Map<String, Held> held = new ConcurrentHashMap<>();

  StatusWriter(Class<T> type, String kind, Clock clock, OperatorMetrics metrics) {
    this.type = type;
    this.kind = kind;
    this.clock = clock;
    this.metrics = metrics;
  }

  /** A private copy of the newest status: the resource's, or the one written since. */
  <S, R extends CustomResource<S, T>> T current(R resource) {
    return StatusCopies.of(newest(resource), type);
  }

  /** The newest status itself, held or written (shared: not to be changed). */
  private <S, R extends CustomResource<S, T>> T newest(R resource) {
    var pending = held.get(resource.getMetadata().getUid());
    return pending != null ? type.cast(pending.status()) : stored(resource);
  }

  /**
   * The newest status the API server holds: the resource's, or the one written since; never a held
   * one (shared: not to be changed).
   */
  <S, R extends CustomResource<S, T>> T stored(R resource) {
    var mine = written.get(resource.getMetadata().getUid());
    var version = StatusPatch.version(resource.getMetadata().getResourceVersion());
    if (mine != null && version >= 0 && mine.resourceVersion() > version) {
      return type.cast(mine.status());
    }
    return resource.getStatus();
  }

  /**
   * Applies the outcome to {@code status} (this reconcile's copy from {@link #current}), writes it
   * when it changed (or holds a passing step), and says when to look again.
   */
  <S, R extends CustomResource<S, T>> UpdateControl<R> finish(
      KubernetesClient client, R resource, T status, Outcome outcome) {
    // The status is this reconcile's copy of the newest one, so it still names the step it was in.
    var reasonBefore = Conditions.readyReason(status.getConditions());
    conclude(resource, status, outcome);
    var uid = resource.getMetadata().getUid();
    var pending = held.get(uid);
    var now = clock.instant();
    var saved = true;
    if (passing(outcome)
        && !outcome.reason().name().equals(reasonBefore)
        && (pending == null || pending.since().plus(HOLD_AT_MOST).isAfter(now))) {
      held.put(uid, new Held(status, pending == null ? now : pending.since()));
    } else {
      saved = write(client, resource, status);
    }
    UpdateControl<R> control = UpdateControl.noUpdate();
    var requeue = saved ? outcome.requeue() : retry(outcome.requeue());
    return requeue == null ? control : control.rescheduleAfter(requeue);
  }

  /**
   * Applies the outcome and writes at once: cleanup and error paths, which the framework
   * reschedules itself. False when the write failed.
   */
  <S, R extends CustomResource<S, T>> boolean finishNow(
      KubernetesClient client, R resource, T status, Outcome outcome) {
    conclude(resource, status, outcome);
    return write(client, resource, status);
  }

  private <S, R extends CustomResource<S, T>> void conclude(R resource, T status, Outcome outcome) {
    var generation = resource.getMetadata().getGeneration();
    var g = generation == null ? 0L : generation;
    status.setConditions(Conditions.ready(status.getConditions(), outcome, g, clock));
    status.setObservedGeneration(g);
  }

  private static Duration retry(Duration requeue) {
    return requeue == null || requeue.compareTo(RETRY_WRITE) > 0 ? RETRY_WRITE : requeue;
  }

  /** A step the next poll may have left: a wait that looks again within a second. */
  private static boolean passing(Outcome outcome) {
    return !outcome.isReady()
        && !outcome.reason().terminal()
        && outcome.requeue() != null
        && outcome.requeue().compareTo(HOLD_AT_MOST) <= 0;
  }

  /**
   * Writes the status if it differs from what the API server holds; false when the write failed
   * (logged and counted; the caller's requeue writes again). Anything held for the resource is
   * written with it or dropped.
   */
  private <S, R extends CustomResource<S, T>> boolean write(
      KubernetesClient client, R resource, T status) {
    held.remove(resource.getMetadata().getUid());
    var known = stored(resource);
    if (StatusCopies.same(status, known != null ? known : StatusCopies.of(null, type))) {
      return true;
    }
    try {
      var version = StatusPatch.apply(client, resource, status);
      metrics.statusWritten(kind);
      if (version >= 0) {
        written.put(resource.getMetadata().getUid(), new Written(version, status));
      }
      return true;
    } catch (KubernetesClientException e) {
      // The next reconcile starts from the server's copy and writes again.
      metrics.statusWriteFailed(kind);
      LOG.warn(
          "status of {} {}/{} not written ({}); retrying",
          kind,
          resource.getMetadata().getNamespace(),
          resource.getMetadata().getName(),
          e.getCode() == 0 ? e.getMessage() : "HTTP " + e.getCode());
      return false;
    }
  }

  /** Forgets a deleted resource. */
  void forget(String uid) {
    written.remove(uid);
    held.remove(uid);
  }
}
