package dev.lmi.operator.reconciler;

import dev.lmi.operator.api.ConditionedStatus;
import dev.lmi.operator.status.Conditions;
import dev.lmi.operator.status.Outcome;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Read-your-writes for status. The framework hands a reconcile the informer's copy, which can lag
 * behind a status this operator wrote a moment ago (its own status patch is not fed back into the
 * cache). Acting on that older status would repeat AWS writes, so the operator writes status
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
final class StatusStore<T extends ConditionedStatus> {
  /** The longest a passing step is held before it is written however often it changed. */
  static final Duration HOLD_AT_MOST = Duration.ofSeconds(1);

  private record Written(long resourceVersion, Object status) {}

  private record Held(Object status, Instant since) {}

  private final Class<T> type;
  private final Clock clock;
  private final Map<String, Written> written = new ConcurrentHashMap<>();
  private final Map<String, Held> held = new ConcurrentHashMap<>();

  StatusStore(Class<T> type, Clock clock) {
    this.type = type;
    this.clock = clock;
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

  /** The newest status the API server holds: the resource's, or the one written since. */
  private <S, R extends CustomResource<S, T>> T stored(R resource) {
    var mine = written.get(resource.getMetadata().getUid());
    var version = version(resource.getMetadata().getResourceVersion());
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
    var generation = resource.getMetadata().getGeneration();
    var g = generation == null ? 0L : generation;
    // The status is this reconcile's copy of the newest one, so it still names the step it was in.
    var reasonBefore = Conditions.readyReason(status.getConditions());
    status.setConditions(Conditions.ready(status.getConditions(), outcome, g, clock));
    status.setObservedGeneration(g);
    var uid = resource.getMetadata().getUid();
    var pending = held.get(uid);
    var now = clock.instant();
    if (passing(outcome)
        && !outcome.reason().name().equals(reasonBefore)
        && (pending == null || pending.since().plus(HOLD_AT_MOST).isAfter(now))) {
      held.put(uid, new Held(status, pending == null ? now : pending.since()));
    } else {
      write(client, resource, status);
    }
    UpdateControl<R> control = UpdateControl.noUpdate();
    return outcome.requeue() == null ? control : control.rescheduleAfter(outcome.requeue());
  }

  /** A step the next poll may have left: a wait that looks again within a second. */
  private static boolean passing(Outcome outcome) {
    return !outcome.isReady()
        && !outcome.reason().terminal()
        && outcome.requeue() != null
        && outcome.requeue().compareTo(HOLD_AT_MOST) <= 0;
  }

  /**
   * Writes the status if it differs from what the API server holds; failures wait for the next
   * pass. Anything held for the resource is written with it or dropped.
   */
  <S, R extends CustomResource<S, T>> void write(KubernetesClient client, R resource, T status) {
    held.remove(resource.getMetadata().getUid());
    var known = stored(resource);
    if (StatusCopies.same(status, known != null ? known : StatusCopies.of(null, type))) {
      return;
    }
    try {
      // One JSON Patch of the status subresource, by name, replacing the whole status: no read
      // first and no resourceVersion, so a cached copy that lags behind cannot make it conflict.
      // Only this operator's leader writes status, so the last write is the right one.
      // A handle on an item, as one by name would read the object before patching it; on a copy
      // holding only the name, as the client copies the item it is handed.
      var live =
          client
              .resource(nameOnly(resource))
              .subresource("status")
              .patch(
                  PatchContext.of(PatchType.JSON),
                  StatusCopies.replaceStatusPatch(status).toString());
      var version = version(live.getMetadata().getResourceVersion());
      if (version >= 0) {
        written.put(resource.getMetadata().getUid(), new Written(version, status));
      }
    } catch (KubernetesClientException e) {
      // Gone or refused: the next reconcile starts from the server's copy and writes again.
    }
  }

  @SuppressWarnings("unchecked")
  private static <R extends CustomResource<?, ?>> R nameOnly(R resource) {
    try {
      var copy = (R) resource.getClass().getDeclaredConstructor().newInstance();
      copy.setMetadata(
          new ObjectMetaBuilder()
              .withName(resource.getMetadata().getName())
              .withNamespace(resource.getMetadata().getNamespace())
              .build());
      return copy;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot create " + resource.getClass().getSimpleName(), e);
    }
  }

  /** Forgets a deleted resource. */
  void forget(String uid) {
    written.remove(uid);
    held.remove(uid);
  }

  private static long version(String resourceVersion) {
    try {
      return resourceVersion == null ? -1 : Long.parseLong(resourceVersion);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
