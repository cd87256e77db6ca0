package dev.lmi.operator.reconciler.plan;

import dev.lmi.operator.reconciler.plan.FunctionAction.RouteAlias;
import dev.lmi.operator.reconciler.plan.FunctionAction.Wait;
import dev.lmi.operator.rollout.Analysis;
import dev.lmi.operator.rollout.Durations;
import dev.lmi.operator.status.Outcome;
import dev.lmi.operator.status.Reason;

/**
 * A rollout that lies beyond a wait (the new version is not published or not started yet), as the
 * steps it will take: the version's scaling, each weighted step held for its pause, then the alias
 * on the new version alone. This is what {@code plan} and a dry run show of a rollout.
 */
final class RolloutProjection {
  private RolloutProjection() {}

  static Decision<FunctionAction, FunctionPlan.Read, FunctionRecord> steps(
      Path<FunctionAction, FunctionRecord> p,
      FunctionObservation o,
      VersionRef target,
      FunctionDesired d,
      VersionScaling scaling,
      PromotePlan promote) {
    var stable = p.record().served().aliasVersion();
    if (stable == null || target.is(stable)) {
      return promote.decide(p, o, target);
    }
    scaling.settle(p, o, target);
    var steps = d.rollout().steps();
    for (var i = 0; i < steps.size(); i++) {
      var step = steps.get(i);
      var held = "for " + Durations.format(step.pause()) + checks(d.rollout().analysis());
      p.add(new RouteAlias(d.alias(), stable, target, step.weight(), held));
      var text = "rollout step " + (i + 1) + " of " + steps.size() + " holds " + held;
      p.add(new Wait(Outcome.waiting(Reason.RollingOut, text, step.pause())));
    }
    return promote.decide(p, o, target, true, true);
  }

  private static String checks(Analysis a) {
    if (a == null) {
      return "";
    }
    var out = new StringBuilder(", checking");
    if (!a.alarms().isEmpty()) {
      out.append(" alarms ").append(String.join(", ", a.alarms()));
    }
    if (a.maxErrorRate() != null) {
      out.append(a.alarms().isEmpty() ? "" : " and")
          .append(" error rate ≤ ")
          .append(a.maxErrorRate().toPlainString());
    }
    return out.append(" over ≥ ").append(a.minInvocations()).append(" invocations").toString();
  }
}
