package dev.lmi.operator.reconciler.plan;

import dev.lmi.operator.api.Api;
import dev.lmi.operator.aws.FunctionView;
import dev.lmi.operator.reconciler.plan.FunctionAction.UpdateCode;
import dev.lmi.operator.reconciler.plan.FunctionAction.UpdateSettings;
import dev.lmi.operator.reconciler.plan.FunctionAction.Wait;
import dev.lmi.operator.status.Outcome;
import dev.lmi.operator.status.Reason;

/**
 * $LATEST of an existing function of this object brought to the spec: an LMI function whose own
 * last update did not fail, then its configuration, then its code (AWS takes one change at a time).
 */
final class LatestConvergence {
  private final FunctionDesired d;
  private final Pace pace;

  LatestConvergence(FunctionDesired desired, Pace pace) {
    this.d = desired;
    this.pace = pace;
  }

  /** An LMI function whose last update of this spec did not fail; waits while AWS is busy. */
  boolean usable(Path<FunctionAction, FunctionRecord> p, FunctionView view) {
    var sent = p.record().latest().configHash();
    p.record(p.record().seen(view));
    if (!view.lmi()) {
      p.end(Refusals.notLmi(d.name()));
      return false;
    }
    if (view.updateInProgress()) {
      p.add(wait(Reason.Updating, "AWS is applying the last update"));
    } else if (view.updateFailed() && d.configHash().equals(sent)) {
      // Our own update failed: sending it again would fail again.
      p.end(
          Outcome.terminal(
              Reason.UpdateFailed,
              "the last update failed: "
                  + view.lastUpdateStatusReasonCode()
                  + ": "
                  + view.lastUpdateStatusReason()
                  + "; change the spec to try again"));
      return false;
    }
    return true;
  }

  /** Configuration first, then code: AWS takes one change at a time. */
  boolean converged(Path<FunctionAction, FunctionRecord> p, FunctionView view) {
    var changes = SettingsDiff.changes(d.settings(), view.settings());
    if (!changes.isEmpty()) {
      p.add(new UpdateSettings(changes));
      p.record(p.record().sent(d, false));
      p.add(wait(Reason.Updating, "applying " + Change.fields(changes)));
    }
    var codeTag = FunctionDesired.codeTag(d.codeIdentity());
    var imageDrift = d.code().isImage() && !d.code().imageUri().equals(view.imageUri());
    // The applied code identity lives on the function as a tag, so neither a lost status write
    // nor a stale cache can trigger a needless code update.
    if (!codeTag.equals(view.tags().get(Api.CODE_TAG)) || imageDrift) {
      p.add(new UpdateCode(p.record().latest().codeIdentity(), d.codeIdentity()));
      p.record(p.record().sent(d, true));
      p.add(wait(Reason.Updating, "applying new code"));
    }
    if (!p.projecting()) {
      p.record(p.record().matched(d));
    }
    return true;
  }

  private Wait wait(Reason reason, String message) {
    return new Wait(Outcome.waiting(reason, message, pace.poll()));
  }
}
