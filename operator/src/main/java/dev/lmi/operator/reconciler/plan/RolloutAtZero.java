package dev.lmi.operator.reconciler.plan;

import dev.lmi.operator.reconciler.plan.FunctionAction.Announce;
import dev.lmi.operator.reconciler.plan.FunctionAction.PointAlias;
import dev.lmi.operator.reconciler.plan.FunctionAction.PutScaling;
import dev.lmi.operator.rollout.Notice;
import dev.lmi.operator.rollout.RolloutState;
import dev.lmi.operator.rollout.Route;
import dev.lmi.operator.status.Outcome;
import java.time.Instant;

/**
 * A function scaled to zero (spec.suspend, a schedule's zero window) does not roll out: a rollout
 * under way is aborted, both versions are scaled to zero, and the new version is rolled out from
 * the first step when the function resumes. A projection ({@code plan}) shows the same, reading
 * nothing.
 */
final class RolloutAtZero {
  private final FunctionDesired d;
  private final Pace pace;

  RolloutAtZero(FunctionDesired desired, Pace pace) {
    this.d = desired;
    this.pace = pace;
  }

  /**
   * The function is at zero with a new version to roll out: a rollout under way is aborted (all
   * traffic back on the stable version), and both versions are scaled to zero; the rollout starts
   * again from its first step when the function resumes. Null when the function is not at zero, or
   * there is no stable version.
   */
  Decision<FunctionAction, FunctionPlan.Read, FunctionRecord> decide(
      Path<FunctionAction, FunctionRecord> p,
      FunctionObservation o,
      VersionRef canary,
      Instant now) {
    var stable = p.record().served().aliasVersion();
    if (!atZero() || stable == null || canary.is(stable)) {
      return null;
    }
    var s = p.record().rollout();
    if (s != null && s.progressing()) {
      var observed = routed(p, o, s);
      if (observed != null && observed.weighted()) {
        p.add(new PointAlias(d.alias(), observed.version(), VersionRef.of(stable)));
      }
      var ended = s.suspended(now, canary.toString());
      p.add(new Announce(Notice.warning("RolloutAborted", ended.message())));
      p.record(p.record().rollout(ended));
    }
    RolloutRevert.sleep(p, canary);
    if (holdsEnvironments(p, o, stable)) {
      p.add(new PutScaling(VersionRef.of(stable), 0, 0));
    }
    return p.decision(
        Outcome.ready(
            "alias "
                + d.alias()
                + " serves version "
                + stable
                + " at zero; version "
                + canary
                + " is rolled out when the function resumes",
            pace.resync()));
  }

  /**
   * The alias's route (null: no alias). A projection reads nothing: the rollout on record says it,
   * a step's weight on the canary.
   */
  private static Route routed(
      Path<FunctionAction, FunctionRecord> p, FunctionObservation o, RolloutState s) {
    if (p.projecting()) {
      return s.weight() > 0
          ? Route.split(s.stableVersion(), s.canaryVersion(), s.weight())
          : Route.single(s.stableVersion());
    }
    var alias = p.need(o.alias(), FunctionPlan.Read.ALIAS);
    return alias == null ? null : Route.observed(alias.version(), alias.additionalVersionWeights());
  }

  /**
   * Whether the stable version still holds environments. A projection reads nothing: a stable
   * version whose scaling is on record at zero is going there already.
   */
  private static boolean holdsEnvironments(
      Path<FunctionAction, FunctionRecord> p, FunctionObservation o, String stable) {
    if (p.projecting()) {
      var served = p.record().served();
      return !served.scalingRecordedFor(stable) || !Dormancy.zero(served.min(), served.max());
    }
    var live = p.need(o.stable(), FunctionPlan.Read.STABLE);
    return live != null && !live.deactivated();
  }

  private boolean atZero() {
    return Dormancy.zero(d.minExecutionEnvironments(), d.maxExecutionEnvironments());
  }
}
