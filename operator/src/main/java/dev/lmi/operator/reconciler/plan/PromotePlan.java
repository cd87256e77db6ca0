package dev.lmi.operator.reconciler.plan;

import dev.lmi.operator.aws.AliasView;
import dev.lmi.operator.reconciler.plan.FunctionAction.CreateAlias;
import dev.lmi.operator.reconciler.plan.FunctionAction.PointAlias;
import dev.lmi.operator.reconciler.plan.FunctionAction.Wait;
import dev.lmi.operator.status.Outcome;
import dev.lmi.operator.status.Reason;
import java.util.Map;

/**
 * Once a version of the spec is Active: the alias serves it alone, its scaling is the spec's, and
 * only keepVersions good versions are kept. A rollout ({@link RolloutShift}) sees to the scaling
 * ({@link VersionScaling}) and the weighted steps first, then ends here.
 */
final class PromotePlan {
  private final FunctionDesired d;
  private final Pace pace;
  private final VersionScaling scaling;

  PromotePlan(FunctionDesired desired, Pace pace, VersionScaling scaling) {
    this.d = desired;
    this.pace = pace;
    this.scaling = scaling;
  }

  Decision<FunctionAction, FunctionPlan.Read, FunctionRecord> decide(
      Path<FunctionAction, FunctionRecord> p, FunctionObservation o, VersionRef target) {
    return decide(p, o, target, null, false);
  }

  /**
   * @param scaled whether the target's scaling is settled, when a rollout already saw to it (null:
   *     see to it here)
   * @param promoted a rollout just moved the alias to the target: prune as after a move
   */
  Decision<FunctionAction, FunctionPlan.Read, FunctionRecord> decide(
      Path<FunctionAction, FunctionRecord> p,
      FunctionObservation o,
      VersionRef target,
      Boolean scaled,
      boolean promoted) {
    var woken = scaled == null && scaling.wake(p, target);
    if (p.ended()) {
      return p.decision(null);
    }
    var moved = alias(p, o, target) || promoted;
    p.record(p.record().alias(target.number(), null));
    var settled = scaled != null ? scaled : scaling.settle(p, o, target, woken);
    if (p.ended()) {
      return p.decision(null);
    }
    VersionPruning.prune(p, o, target, moved, d.keepVersions());
    if (!settled) {
      p.add(
          new Wait(
              Outcome.waiting(
                  Reason.ScalingInProgress,
                  "AWS is applying the scaling of version " + target,
                  pace.poll())));
    }
    var max = d.maxExecutionEnvironments();
    return p.decision(
        Outcome.ready(
            "alias "
                + d.alias()
                + " serves version "
                + target
                + " with "
                + d.minExecutionEnvironments()
                + ".."
                + (max == null ? "unbounded" : max)
                + " execution environments",
            pace.resync()));
  }

  /** The alias serves the target alone; true when it is created or moved. */
  private boolean alias(
      Path<FunctionAction, FunctionRecord> p, FunctionObservation o, VersionRef target) {
    var served = p.record().served();
    AliasView alias;
    if (o.alias().known()) {
      alias = o.alias().value();
    } else if (served.scalingInProgress(target.number())
        && target.is(served.aliasVersion())
        && served.aliasArn() != null) {
      // This operator pointed the alias at the target a poll ago and only the scaling is
      // pending: it is not read again until the next resync or spec change.
      return false;
    } else if (served.aliasArn() == null) {
      // No alias on record, so it most likely does not exist: created without a read first
      // (should AWS say the name is taken, the alias there is pointed at the target instead).
      alias = null;
    } else if (p.projecting()) {
      alias = new AliasView(d.alias(), served.aliasArn(), served.aliasVersion(), Map.of());
    } else {
      alias = p.need(o.alias(), FunctionPlan.Read.ALIAS);
    }
    if (alias == null) {
      p.add(new CreateAlias(d.alias(), target));
      return true;
    }
    if (!target.is(alias.version()) || !alias.additionalVersionWeights().isEmpty()) {
      p.add(new PointAlias(d.alias(), alias.version(), target));
      return true;
    }
    p.record(p.record().alias(target.number(), alias.arn()));
    return false;
  }
}
