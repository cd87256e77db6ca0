package dev.lmi.operator.reconciler;

import dev.lmi.operator.api.Api;
import dev.lmi.operator.api.Defaults;
import dev.lmi.operator.api.LmiFunction;
import dev.lmi.operator.api.ReadIssues;
import dev.lmi.operator.aws.DeleteOutcome;
import dev.lmi.operator.aws.Gateways;
import dev.lmi.operator.status.Outcome;
import dev.lmi.operator.status.Reason;

/** Deletes a function from AWS: alias first, then the function, then waits until it is gone. */
final class FunctionCleanup {
  private final EventRecorder events;
  private final OperatorSettings settings;
  private final FunctionClaims claims;

  FunctionCleanup(EventRecorder events, OperatorSettings settings, FunctionClaims claims) {
    this.events = events;
    this.settings = settings;
    this.claims = claims;
  }

  /** Null once the function is gone (or was never ours); otherwise the outcome to wait on. */
  Outcome delete(LmiFunction fn, Gateways gw) {
    var name = awsName(fn);
    var observed = gw.functions().get(name);
    if (observed.isEmpty()) {
      return null;
    }
    if (!claims.deletable(fn, observed.get())) {
      var found = observed.get().tags().get(Api.OWNER_TAG);
      events.normal(
          fn,
          "Retained",
          "function "
              + name
              + (found == null ? " has no owner tag" : " is owned by " + Ownership.describe(found))
              + "; left in AWS");
      return null;
    }
    if (observed.get().deleting()) {
      return Outcome.waiting(Reason.Deleting, "AWS is deleting function " + name, settings.poll());
    }
    var alias =
        fn.getSpec() == null
                || fn.getSpec().getAlias() == null
                || fn.getSpec().getAlias().getName() == null
            ? Defaults.ALIAS_NAME
            : fn.getSpec().getAlias().getName();
    // The tag was read just now: a function another object owns was never reached.
    gw.aliases().delete(name, alias);
    var result = gw.functions().delete(name);
    events.normal(fn, "Deleted", "deleted alias " + alias + " and function " + name);
    if (result.kind() == DeleteOutcome.Kind.GONE) {
      return null;
    }
    return Outcome.waiting(Reason.Deleting, "AWS is deleting function " + name, settings.poll());
  }

  /** deletionPolicy Retain: leaves the function, released to the next object of the same name. */
  void retain(LmiFunction fn, Gateways gw) {
    gw.functions().get(awsName(fn)).ifPresent(v -> claims.release(fn, gw, v));
    events.normal(fn, "Retained", "deletionPolicy Retain: function left in AWS");
  }

  /** The AWS name; an awsName this version could not read falls back to the one on record. */
  private static String awsName(LmiFunction fn) {
    var recorded = fn.getStatus() == null ? null : fn.getStatus().getAwsName();
    return ReadIssues.of(fn).unreadable("spec.awsName") && recorded != null
        ? recorded
        : FunctionDesired.awsName(fn);
  }
}
