package dev.lmi.operator.reconciler;

import dev.lmi.operator.api.CapacityProvider;
import dev.lmi.operator.api.LmiFunction;
import dev.lmi.operator.api.RolloutStrategy;
import dev.lmi.operator.reconciler.plan.Pace;
import dev.lmi.operator.status.Outcome;
import dev.lmi.operator.status.Reason;

/**
 * A rollout checks its room against the provider's maxVCpuCount, so it waits while the provider has
 * a spec change the operator has not applied yet: judged against the old ceiling it would be
 * refused, and a version published before AWS has the new one fails to start.
 */
final class RolloutRoom {
  private RolloutRoom() {}

  /** A wait while a rolling-out function's provider applies its spec; null otherwise. */
  static Outcome providerSettling(LmiFunction fn, CapacityProvider cp, Pace pace) {
    var rollout = fn.getSpec().getRollout();
    if (rollout == null
        || rollout.getStrategy() == null
        || rollout.getStrategy() == RolloutStrategy.AllAtOnce) {
      return null;
    }
    var generation = cp.getMetadata().getGeneration();
    var observed = cp.getStatus() == null ? null : cp.getStatus().getObservedGeneration();
    if (generation == null || observed == null || observed >= generation) {
      return null;
    }
    return Outcome.waiting(
        Reason.WaitingForProvider,
        "CapacityProvider "
            + cp.getMetadata().getName()
            + " is applying a change of its spec; the rollout's capacity check waits for it",
        pace.poll());
  }
}
