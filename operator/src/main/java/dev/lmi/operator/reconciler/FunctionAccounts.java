package dev.lmi.operator.reconciler;

import dev.lmi.operator.api.CapacityProvider;
import dev.lmi.operator.api.FunctionCapacityStatus;
import dev.lmi.operator.api.LmiFunction;
import dev.lmi.operator.api.LmiFunctionStatus;
import dev.lmi.operator.capacity.CapacityBudget;
import dev.lmi.operator.capacity.Costs;
import dev.lmi.operator.reconciler.plan.FunctionDesired;
import dev.lmi.operator.reconciler.plan.FunctionRecord;
import dev.lmi.operator.reconciler.plan.Holdings;
import dev.lmi.operator.reconciler.plan.Owner;
import dev.lmi.operator.reconciler.plan.ProviderGate;
import dev.lmi.operator.reconciler.plan.ProviderRoom;
import dev.lmi.operator.schedule.EffectiveScaling;
import dev.lmi.operator.schedule.Schedules;
import dev.lmi.operator.status.CapacityWarning;
import dev.lmi.operator.status.Outcome;
import dev.lmi.operator.status.Reason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Objects;

/**
 * A function's capacity in each reconcile: the scaling in force at the clock's instant (suspend,
 * the schedule that fired last, or the base values), the room its provider has left, and afterwards
 * status.effectiveScaling, status.capacity, status.cost, the CapacityWarning condition, Ready
 * reason Suspended at zero and a requeue at the next firing.
 */
final class FunctionAccounts {
  /** A requeue never comes sooner than this, however close the next firing. */
  private static final Duration SOONEST = Duration.ofSeconds(1);

  private final CapacitySettings settings;
  private final FunctionDirectory directory;
  private final java.time.Clock statusClock;

  /**
   * @param statusClock the clock conditions are stamped with (schedules go by the settings')
   */
  FunctionAccounts(
      CapacitySettings settings, FunctionDirectory directory, java.time.Clock statusClock) {
    this.settings = settings;
    this.directory = directory;
    this.statusClock = statusClock;
  }

  /** The scaling in force now; the spec passed validation (cron and time zones). */
  EffectiveScaling effective(LmiFunction fn) {
    return Schedules.effectiveScaling(fn.getSpec(), settings.clock().instant());
  }

  /** The desired state at the scaling in force, with the provider's vCPU ceiling. */
  static FunctionDesired desired(
      LmiFunction fn, CapacityProvider cp, Owner owner, EffectiveScaling e) {
    var ceiling = ceiling(cp);
    var max = ceiling == null ? CapacityBudget.DEFAULT_MAX_VCPU_COUNT : ceiling;
    return scaled(FunctionDesired.of(fn, cp.getStatus().getArn(), max, owner.tag()), e);
  }

  /** The desired state at the scaling in force. */
  static FunctionDesired scaled(FunctionDesired d, EffectiveScaling e) {
    return d.withScaling(e.minExecutionEnvironments(), e.maxExecutionEnvironments());
  }

  /** What the provider holds for the other functions on it, from their status.capacity. */
  ProviderRoom room(LmiFunction fn, CapacityProvider cp) {
    var uid = fn.getMetadata().getUid();
    var held = new ArrayList<FunctionCapacityStatus>();
    for (var other : directory.on(ProviderGate.providerName(fn))) {
      if (!Objects.equals(uid, other.getMetadata().getUid())
          && other.getStatus() != null
          && other.getStatus().getCapacity() != null) {
        held.add(other.getStatus().getCapacity());
      }
    }
    return new ProviderRoom(cp.getMetadata().getName(), Holdings.provider(ceiling(cp), held));
  }

  /**
   * Records the figures in the status and returns the outcome with Suspended and the requeue. The
   * provider is asked to sum again when they differ from {@code stored}, the status the API server
   * holds: a status held unwritten for a moment (StatusWriter) has not reached the informer cache
   * the provider sums from, so its figures are announced again by the reconcile that writes them.
   */
  Outcome account(
      LmiFunction fn,
      CapacityProvider cp,
      LmiFunctionStatus status,
      LmiFunctionStatus stored,
      FunctionDesired d,
      EffectiveScaling e,
      FunctionRecord r,
      Outcome outcome) {
    var capacity = CapacityBudget.function(Holdings.function(d.name(), r, d));
    var heldBefore = stored == null ? null : stored.getCapacity();
    var costBefore = stored == null ? null : stored.getCost();
    status.setEffectiveScaling(e.toStatus());
    status.setCapacity(capacity.toStatus());
    var ratio = d.settings().memoryGiBPerVCpu();
    status.setCost(
        Costs.function(
                capacity,
                d.settings().architecture(),
                ratio == null ? 2 : (int) Math.round(ratio),
                settings.prices())
            .toStatus());
    if (!StatusCopies.same(heldBefore, status.getCapacity())
        || !StatusCopies.same(costBefore, status.getCost())) {
      directory.capacityChanged(ProviderGate.providerName(fn));
    }
    var provider = room(fn, cp).with(r, d);
    var warning = CapacityBudget.maxBeyondCeiling(capacity, provider, cp.getMetadata().getName());
    var generation = fn.getMetadata().getGeneration();
    status.setConditions(
        CapacityWarning.apply(
            status.getConditions(), warning, generation == null ? 0 : generation, statusClock));
    return settle(outcome, e, r);
  }

  /** Ready at zero is Suspended; a schedule that fires before the requeue brings it forward. */
  Outcome settle(Outcome outcome, EffectiveScaling e, FunctionRecord r) {
    var requeue = outcome.requeue();
    if (requeue != null && e.nextFiring() != null) {
      var until = Duration.between(settings.clock().instant(), e.nextFiring());
      until = until.compareTo(SOONEST) < 0 ? SOONEST : until;
      requeue = until.compareTo(requeue) < 0 ? until : requeue;
    }
    if (outcome.reason() == Reason.Ready && e.deactivates()) {
      var version = r.served().aliasVersion();
      var state = Objects.equals(version, r.published().version()) ? r.published().state() : null;
      return new Outcome(
          Reason.Suspended,
          e.describe()
              + "; version "
              + version
              + " is scaled to zero"
              + (state == null ? "" : " (" + state + ")"),
          requeue);
    }
    return new Outcome(outcome.reason(), outcome.message(), requeue);
  }

  static Integer ceiling(CapacityProvider cp) {
    var scaling = cp.getSpec() == null ? null : cp.getSpec().getScaling();
    return scaling == null ? null : scaling.getMaxVCpuCount();
  }
}
