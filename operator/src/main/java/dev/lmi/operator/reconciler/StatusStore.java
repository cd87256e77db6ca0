package dev.lmi.operator.reconciler;

import dev.lmi.operator.api.ConditionedStatus;
import dev.lmi.operator.status.Conditions;
import dev.lmi.operator.status.Outcome;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Read-your-writes for status. The framework hands a reconcile the informer's copy, which can lag
 * behind a status this operator wrote a moment ago (its own status patch is not fed back into the
 * cache). Acting on that older status would repeat AWS writes, so the operator writes status
 * itself, as one JSON Patch of the status subresource, remembers what it wrote, and starts each
 * reconcile from whichever is newer.
 */
final class StatusStore<T extends ConditionedStatus> {
  private record Written(long resourceVersion, Object status) {}

  private final Class<T> type;
  private final Clock clock;
  private final Map<String, Written> written = new ConcurrentHashMap<>();

  StatusStore(Class<T> type, Clock clock) {
    this.type = type;
    this.clock = clock;
  }

  /** A private copy of the newest status: the resource's, or the one written since. */
  <S, R extends CustomResource<S, T>> T current(R resource) {
    var mine = written.get(resource.getMetadata().getUid());
    var version = version(resource.getMetadata().getResourceVersion());
    if (mine != null && version >= 0 && mine.resourceVersion() > version) {
      return StatusCopies.of(type.cast(mine.status()), type);
    }
    return StatusCopies.of(resource.getStatus(), type);
  }

  /** Applies the outcome, writes the status when it changed, and says when to look again. */
  <S, R extends CustomResource<S, T>> UpdateControl<R> finish(
      KubernetesClient client, R resource, T status, Outcome outcome) {
    var generation = resource.getMetadata().getGeneration();
    var g = generation == null ? 0L : generation;
    status.setConditions(Conditions.ready(status.getConditions(), outcome, g, clock));
    status.setObservedGeneration(g);
    write(client, resource, status);
    UpdateControl<R> control = UpdateControl.noUpdate();
    return outcome.requeue() == null ? control : control.rescheduleAfter(outcome.requeue());
  }

  /** Writes the status if it differs from the newest known one; failures wait for the next pass. */
  <S, R extends CustomResource<S, T>> void write(KubernetesClient client, R resource, T status) {
    var known = current(resource);
    if (StatusCopies.same(status, known)) {
      return;
    }
    try {
      // One JSON Patch of the status subresource, by name, replacing the whole status: no read
      // first and no resourceVersion, so a cached copy that lags behind cannot make it conflict.
      // Only this operator's leader writes status, so the last write is the right one.
      // A handle on the item itself: one by name would read the object before patching it.
      var live =
          client
              .resource(resource)
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

  /** Forgets a deleted resource. */
  void forget(String uid) {
    written.remove(uid);
  }

  private static long version(String resourceVersion) {
    try {
      return resourceVersion == null ? -1 : Long.parseLong(resourceVersion);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
