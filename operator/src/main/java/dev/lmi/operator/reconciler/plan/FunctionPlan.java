package dev.lmi.operator.reconciler.plan;

import dev.lmi.operator.api.Api;
import dev.lmi.operator.aws.FunctionView;
import dev.lmi.operator.aws.VersionView;
import dev.lmi.operator.reconciler.plan.FunctionAction.Create;
import dev.lmi.operator.reconciler.plan.FunctionAction.UpdateCode;
import dev.lmi.operator.reconciler.plan.FunctionAction.UpdateSettings;
import dev.lmi.operator.reconciler.plan.FunctionAction.Wait;
import dev.lmi.operator.status.Outcome;
import dev.lmi.operator.status.Reason;

/**
 * How the operator converges one function, as a pure function of the spec, the status record and
 * what was read from AWS: $LATEST first (created, owned, then its configuration, then its code),
 * then a published version of exactly that, then the alias, scaling and retention ({@link
 * PromotePlan}). Reads are asked for only when a decision needs them, and skipped where the record
 * already answers: that is what keeps a converged function at three reads a resync.
 */
public final class FunctionPlan {
  /** The reads a function plan may ask for. */
  public enum Read {
    FUNCTION,
    VERSION,
    ALIAS,
    SCALING,
    VERSIONS
  }

  private final FunctionDesired d;
  private final Owner owner;
  private final Pace pace;
  private ProviderRoom room;

  public FunctionPlan(FunctionDesired desired, Owner owner, Pace pace) {
    this.d = desired;
    this.owner = owner;
    this.pace = pace;
  }

  /** The same plan, holding back steps that start environments the provider has no room for. */
  public FunctionPlan within(ProviderRoom providerRoom) {
    this.room = providerRoom;
    return this;
  }

  public Decision<FunctionAction, Read, FunctionRecord> decide(
      FunctionRecord record, FunctionObservation o) {
    var p = new Path<FunctionAction, FunctionRecord>(record.named(d));
    try {
      if (latest(p, o)) {
        var target = new PublishPlan(d, pace, room).decide(p, o);
        if (target != null) {
          return new PromotePlan(d, pace, room).decide(p, o, target);
        }
      }
      return p.decision(null);
    } catch (Path.Unknown u) {
      return Decision.needs(u.read());
    }
  }

  /** $LATEST exists, is this object's, is an LMI function and matches the spec: go on. */
  private boolean latest(Path<FunctionAction, FunctionRecord> p, FunctionObservation o) {
    var r = p.record();
    if (!o.function().known() && inFlight(r, o)) {
      return true;
    }
    if (!o.function().known() && nothingRecorded(r, o)) {
      return create(p);
    }
    var view = p.need(o.function(), Read.FUNCTION);
    if (view == null) {
      return create(p);
    }
    return FunctionClaim.decide(p, owner, d.name(), view) && usable(p, view) && converged(p, view);
  }

  /** An LMI function whose last update of this spec did not fail; waits while AWS is busy. */
  private boolean usable(Path<FunctionAction, FunctionRecord> p, FunctionView view) {
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
  private boolean converged(Path<FunctionAction, FunctionRecord> p, FunctionView view) {
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

  /**
   * $LATEST matched this spec when the publish or scaling under way began, and this process read
   * the owner tag since it started: until they complete only the version, the alias and the scaling
   * are watched. A resync (nothing in flight) or a spec change reads $LATEST again.
   */
  private boolean inFlight(FunctionRecord r, FunctionObservation o) {
    return o.ownerVerified()
        && r.latest().functionArn() != null
        && d.configHash().equals(r.latest().latestHash())
        && d.configHash().equals(r.published().hash())
        && (r.published().pending() || r.served().scalingInProgress(r.published().version()));
  }

  /**
   * Nothing of the function is on record, so it most likely does not exist: it is created without a
   * read first. AWS refuses a name that is taken, and only then is it read; a name found taken
   * stays read, never created again.
   */
  private static boolean nothingRecorded(FunctionRecord r, FunctionObservation o) {
    return r.latest().functionArn() == null && !r.latest().nameTaken() && !o.createRefused();
  }

  /** CreateFunction with Publish: the first version starts while $LATEST is created. */
  private boolean create(Path<FunctionAction, FunctionRecord> p) {
    var full =
        room == null ? null : room.gate("creating the function (version 1)", d, p.record(), pace);
    if (full != null) {
      p.end(full);
      return false;
    }
    p.add(new Create(d.name(), d.codeIdentity()));
    p.add(wait(Reason.Creating, "function " + d.name() + " is being created"));
    var first = VersionView.starting("1");
    p.record(FunctionRecord.empty().named(d).created(d, placeholder(), first));
    return true;
  }

  Wait wait(Reason reason, String message) {
    return new Wait(Outcome.waiting(reason, message, pace.poll()));
  }

  private FunctionView placeholder() {
    return FunctionView.beingCreated(d.settings(), d.tags());
  }
}
