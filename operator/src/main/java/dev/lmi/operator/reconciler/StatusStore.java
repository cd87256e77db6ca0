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
    return StatusCopies.of(newest(resource), type);
  }

  /** The newest status itself (shared: not to be changed). */
  private <S, R extends CustomResource<S, T>> T newest(R resource) {
    var mine = written.get(resource.getMetadata().getUid());
    var version = version(resource.getMetadata().getResourceVersion());
    if (mine != null && version >= 0 && mine.resourceVersion() > version) {
      return type.cast(mine.status());
    }
    return resource.getStatus();
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
    var known = newest(resource);
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
  }

  private static long version(String resourceVersion) {
    try {
      return resourceVersion == null ? -1 : Long.parseLong(resourceVersion);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
