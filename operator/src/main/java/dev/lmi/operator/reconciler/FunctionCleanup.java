package dev.lmi.operator.reconciler;

import dev.lmi.operator.api.Defaults;
import dev.lmi.operator.api.LmiFunction;
import dev.lmi.operator.api.ReadIssues;
import dev.lmi.operator.aws.DeleteOutcome;
import dev.lmi.operator.aws.Gateways;
import dev.lmi.operator.reconciler.apply.Events;
import dev.lmi.operator.reconciler.plan.CleanupPlan;
import dev.lmi.operator.reconciler.plan.FunctionAction;
import dev.lmi.operator.reconciler.plan.FunctionDesired;
import dev.lmi.operator.reconciler.plan.FunctionObservation;
import dev.lmi.operator.reconciler.plan.Owner;
import dev.lmi.operator.reconciler.plan.Pace;
import dev.lmi.operator.reconciler.plan.Seen;
import dev.lmi.operator.status.Outcome;
import java.util.Map;

/**
 * Deletes an LmiFunction's function from AWS (alias first), or leaves it on deletionPolicy Retain.
 */
final class FunctionCleanup {
  private final Events events;
  private final Pace pace;

  FunctionCleanup(Events events, Pace pace) {
    this.events = events;
    this.pace = pace;
  }

  /** Null once the function is gone (or was never this object's); else the outcome to wait on. */
  Outcome delete(LmiFunction fn, Owner owner, Gateways gw) {
    var name = awsName(fn);
    var plan = new CleanupPlan(owner, pace);
    var o = FunctionObservation.none(false).withFunction(Seen.read(gw.functions().get(name)));
    var cleanup = plan.deleteFunction(name, alias(fn), o);
    if (cleanup.retained() != null) {
      events.normal(fn, "Retained", cleanup.retained());
      return null;
    }
    for (var action : cleanup.actions()) {
      if (action instanceof FunctionAction.Delete d) {
        // The owner tag was read just now: a function another object owns was never reached.
        gw.aliases().delete(d.name(), d.alias());
        var result = gw.functions().delete(d.name());
        events.normal(fn, "Deleted", "deleted alias " + d.alias() + " and function " + d.name());
        if (result.kind() == DeleteOutcome.Kind.GONE) {
          return null;
        }
      }
    }
    return cleanup.waiting();
  }

  /** deletionPolicy Retain: leaves the function, released to the next object of the same name. */
  void retain(LmiFunction fn, Owner owner, Gateways gw) {
    var o =
        FunctionObservation.none(false).withFunction(Seen.read(gw.functions().get(awsName(fn))));
    for (var action : new CleanupPlan(owner, pace).retainFunction(o)) {
      if (action instanceof FunctionAction.Release r) {
        gw.functions().tag(r.arn(), Map.of(dev.lmi.operator.api.Api.OWNER_TAG, r.tag()));
        events.normal(
            fn,
            "Released",
            "deletionPolicy Retain: function left in AWS; a new LmiFunction of the same name may"
                + " manage it");
      }
    }
    events.normal(fn, "Retained", "deletionPolicy Retain: function left in AWS");
  }

  /** The AWS name; an awsName this version could not read falls back to the one on record. */
  private static String awsName(LmiFunction fn) {
    var recorded = fn.getStatus() == null ? null : fn.getStatus().getAwsName();
    return ReadIssues.of(fn).unreadable("spec.awsName") && recorded != null
        ? recorded
        : FunctionDesired.awsName(fn);
  }

  private static String alias(LmiFunction fn) {
    return fn.getSpec() == null
            || fn.getSpec().getAlias() == null
            || fn.getSpec().getAlias().getName() == null
        ? Defaults.ALIAS_NAME
        : fn.getSpec().getAlias().getName();
  }
}
