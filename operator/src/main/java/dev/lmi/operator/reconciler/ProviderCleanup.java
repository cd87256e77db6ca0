package dev.lmi.operator.reconciler;

import dev.lmi.operator.api.CapacityProvider;
import dev.lmi.operator.aws.DeleteOutcome;
import dev.lmi.operator.aws.Gateways;
import dev.lmi.operator.reconciler.apply.Events;
import dev.lmi.operator.reconciler.apply.ProviderApply;
import dev.lmi.operator.reconciler.apply.ProviderObserver;
import dev.lmi.operator.reconciler.plan.CleanupPlan;
import dev.lmi.operator.reconciler.plan.Owner;
import dev.lmi.operator.reconciler.plan.Pace;
import dev.lmi.operator.reconciler.plan.ProviderAction;
import dev.lmi.operator.reconciler.plan.ProviderObservation;
import dev.lmi.operator.reconciler.plan.ProviderRecord;
import dev.lmi.operator.status.Outcome;
import dev.lmi.operator.status.Reason;

/**
 * Deletes a capacity provider from AWS once no function version is attached (naming the functions
 * that hold it meanwhile), only when its owner tag names this object; or, with deletionPolicy
 * Retain, leaves it and releases it to its name.
 */
final class ProviderCleanup {
  private final Events events;
  private final Pace pace;
  private final ProviderApply apply;
  private final FunctionDirectory directory;

  ProviderCleanup(Events events, Pace pace, FunctionDirectory directory) {
    this.events = events;
    this.pace = pace;
    this.apply = new ProviderApply(events);
    this.directory = directory;
  }

  /** The record once done (the provider gone or left), or null with the outcome to wait on. */
  record Result(ProviderRecord record, Outcome waiting) {}

  Result delete(CapacityProvider cp, Owner owner, Gateways gw, String region, ProviderRecord r) {
    var plan = new CleanupPlan(owner, pace);
    var o = ProviderObservation.none(false);
    var cleanup = plan.deleteProvider(cp.awsName(), r, o);
    while (cleanup.needs() != null) {
      o = ProviderObserver.read(gw, cp, region, o, cleanup.needs());
      cleanup = plan.deleteProvider(cp.awsName(), r, o);
    }
    if (cleanup.retained() != null) {
      events.normal(cp, "Retained", cleanup.retained());
      return new Result(r, null);
    }
    var record = r;
    for (var action : cleanup.actions()) {
      switch (action) {
        case ProviderAction.DeleteEndpoints e -> {
          apply.deleteEndpoints(cp, gw, owner, e.endpointIds());
          record = record.network(record.network().endpointsGone());
        }
        case ProviderAction.Delete d -> {
          var result = apply.delete(cp, gw);
          if (result.kind() == DeleteOutcome.Kind.GONE) {
            return new Result(record, null);
          }
          if (result.kind() == DeleteOutcome.Kind.BLOCKED) {
            return new Result(record, blocked(cp, gw));
          }
        }
        default -> throw new IllegalStateException("not a step of deleting: " + action);
      }
    }
    if (cleanup.waiting() == null) {
      events.normal(cp, "Deleted", "capacity provider " + cp.awsName() + " is gone from AWS");
    }
    return new Result(record, cleanup.waiting());
  }

  /** AWS refuses while function versions hold the provider: say whose they are. */
  private Outcome blocked(CapacityProvider cp, Gateways gw) {
    var attached = gw.providers().attachedVersions(cp.awsName());
    var message =
        AttachedFunctions.describe(
            cp.awsName(), attached, directory.byAwsName(cp.getMetadata().getName()));
    return Outcome.waiting(Reason.DeletionBlocked, message, pace.poll().multipliedBy(3));
  }

  /** deletionPolicy Retain: leaves the provider, released to the next object of the same name. */
  void retain(CapacityProvider cp, Owner owner, Gateways gw, String region) {
    var o = ProviderObservation.none(false);
    o =
        ProviderObserver.read(
            gw, cp, region, o, dev.lmi.operator.reconciler.plan.ProviderPlan.Read.PROVIDER);
    if (o.provider().present()) {
      o =
          ProviderObserver.read(
              gw, cp, region, o, dev.lmi.operator.reconciler.plan.ProviderPlan.Read.TAGS);
    }
    for (var action : new CleanupPlan(owner, pace).retainProvider(o)) {
      if (action instanceof ProviderAction.Release r) {
        apply.release(cp, gw, r.arn(), r.tag());
      }
    }
    events.normal(
        cp,
        "Retained",
        "deletionPolicy Retain: capacity provider " + cp.awsName() + " left in AWS");
  }
}
