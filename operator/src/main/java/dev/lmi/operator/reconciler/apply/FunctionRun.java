package dev.lmi.operator.reconciler.apply;

import dev.lmi.operator.api.LmiFunction;
import dev.lmi.operator.aws.Gateways;
import dev.lmi.operator.reconciler.plan.FunctionDesired;
import dev.lmi.operator.reconciler.plan.FunctionObservation;
import dev.lmi.operator.reconciler.plan.FunctionPlan;
import dev.lmi.operator.reconciler.plan.FunctionRecord;
import dev.lmi.operator.reconciler.plan.Owner;
import dev.lmi.operator.reconciler.plan.Pace;
import dev.lmi.operator.reconciler.plan.ProviderRoom;
import dev.lmi.operator.status.Outcome;

/**
 * One reconcile of a function's AWS side: plan, read what the plan asks for, plan again, then carry
 * out the steps up to the first wait.
 */
public final class FunctionRun {
  /** Reads and re-plans of one reconcile: more would be a plan that never decides (a bug). */
  private static final int PASSES = 16;

  private final FunctionApply apply;
  private final VerifiedOwners owners;
  private final Pace pace;

  public FunctionRun(Events events, VerifiedOwners owners, Pace pace) {
    this.apply = new FunctionApply(events);
    this.owners = owners;
    this.pace = pace;
  }

  /** The status record after this reconcile, and where the function stands. */
  public record Result(FunctionRecord record, Outcome outcome) {}

  /** Holds back steps that start environments the provider has no room for (none when null). */
  public Result converge(
      LmiFunction fn,
      Gateways gw,
      FunctionDesired d,
      Owner owner,
      FunctionRecord before,
      RolloutCue cue,
      ProviderRoom room) {
    var plan = new FunctionPlan(d, owner, pace, cue.now(), cue.command()).within(room);
    var uid = fn.getMetadata().getUid();
    var record = before;
    var o = FunctionObservation.none(owners.verified(uid, before.latest().functionArn()));
    for (var pass = 0; pass < PASSES; pass++) {
      var decision = plan.decide(record, o);
      if (decision.needs() == FunctionPlan.Read.ANALYSIS) {
        o = FunctionObserver.analysis(gw, d, o, plan.analysisRequest(record, o));
        continue;
      }
      if (decision.incomplete()) {
        o = FunctionObserver.read(gw, d, record, o, decision.needs());
        continue;
      }
      var applied = apply.run(fn, gw, d, decision, cue);
      switch (applied.next()) {
        case DONE -> {
          trust(uid, o, before, applied.record());
          return new Result(applied.record(), applied.outcome());
        }
        case REPLAN -> {
          record = applied.record();
          o = o.afterPublish();
        }
        case CREATE_REFUSED -> o = o.refusedCreate();
      }
    }
    throw new IllegalStateException("no decision for " + d.name() + " after " + PASSES + " passes");
  }

  /** A function read with this object's owner tag, or created by it, is this object's. */
  private void trust(
      String uid, FunctionObservation o, FunctionRecord before, FunctionRecord after) {
    var arn = after.latest().functionArn();
    if (arn != null && (o.function().present() || before.latest().functionArn() == null)) {
      owners.verify(uid, arn);
    }
  }
}
