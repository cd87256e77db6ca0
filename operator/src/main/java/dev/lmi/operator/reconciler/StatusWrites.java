package dev.lmi.operator.reconciler;

import dev.lmi.operator.api.ConditionedStatus;
import dev.lmi.operator.status.Conditions;
import dev.lmi.operator.status.Outcome;
import io.fabric8.kubernetes.client.CustomResource;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.time.Clock;

/** Writes status one way: compute it whole, patch only when it differs, reschedule as asked. */
final class StatusWrites {
  private StatusWrites() {}

  static <S, T extends ConditionedStatus, R extends CustomResource<S, T>> UpdateControl<R> control(
      R resource, T status, Outcome outcome, T previous, Clock clock) {
    var generation = resource.getMetadata().getGeneration();
    var g = generation == null ? 0L : generation;
    status.setConditions(Conditions.ready(status.getConditions(), outcome, g, clock));
    status.setObservedGeneration(g);
    UpdateControl<R> control;
    if (StatusCopies.same(status, previous)) {
      control = UpdateControl.noUpdate();
    } else {
      resource.setStatus(status);
      control = UpdateControl.patchStatus(resource);
    }
    return outcome.requeue() == null ? control : control.rescheduleAfter(outcome.requeue());
  }

  /** During cleanup JOSDK writes nothing for us: patch the status ourselves, if it changed. */
  static <S, T extends ConditionedStatus, R extends CustomResource<S, T>> void patchStatusIfChanged(
      Context<R> context, R resource, T status) {
    if (StatusCopies.same(status, resource.getStatus())) {
      return;
    }
    try {
      // A JSON Patch computed against the live object: a merge patch of a list would be appended
      // to, not replaced, by the mock API server.
      context
          .getClient()
          .resource(resource)
          .editStatus(
              live -> {
                live.setStatus(status);
                return live;
              });
      resource.setStatus(status);
    } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
      // The object may be going away; the next cleanup pass writes the status again.
    }
  }
}
