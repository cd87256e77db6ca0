package dev.lmi.operator.reconciler.apply;

import dev.lmi.operator.api.CapacityProvider;
import dev.lmi.operator.aws.Gateways;
import dev.lmi.operator.reconciler.plan.Owner;
import dev.lmi.operator.reconciler.plan.Pace;
import dev.lmi.operator.reconciler.plan.ProviderObservation;
import dev.lmi.operator.reconciler.plan.ProviderPlan;
import dev.lmi.operator.reconciler.plan.ProviderRecord;
import dev.lmi.operator.status.Outcome;

/**
 * One reconcile of a capacity provider's AWS side: plan, read what the plan asks for, plan again,
 * then carry out the steps up to the first wait.
 */
public final class ProviderRun {
  private static final int PASSES = 8;

  private final ProviderApply apply;
  private final VerifiedOwners owners;
  private final Pace pace;

  public ProviderRun(Events events, VerifiedOwners owners, Pace pace) {
    this.apply = new ProviderApply(events);
    this.owners = owners;
    this.pace = pace;
  }

  /** The status record after this reconcile, and where the provider stands. */
  public record Result(ProviderRecord record, Outcome outcome) {}

  public Result converge(
      CapacityProvider cp, Gateways gw, Owner owner, String region, ProviderRecord before) {
    var plan = new ProviderPlan(cp, owner, region, pace);
    var uid = cp.getMetadata().getUid();
    var o = ProviderObservation.none(owners.verified(uid, before.arn()));
    for (var pass = 0; pass < PASSES; pass++) {
      var decision = plan.decide(before, o);
      if (decision.incomplete()) {
        o = ProviderObserver.read(gw, cp, region, o, decision.needs());
        continue;
      }
      if (o.tags().known()) {
        // The owner tag was read now: it names this object (or an adoption makes it), or not.
        if (decision.record().arn() != null) {
          owners.verify(uid, decision.record().arn());
        } else {
          owners.forget(uid);
        }
      }
      var record = apply.run(cp, gw, owner, decision.now(), decision.record());
      if (!o.provider().present() && record.arn() != null) {
        owners.verify(uid, record.arn());
      }
      return new Result(record, decision.stop());
    }
    throw new IllegalStateException(
        "no decision for " + cp.awsName() + " after " + PASSES + " passes");
  }
}
