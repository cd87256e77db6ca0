package dev.lmi.operator.reconciler.plan;

import dev.lmi.operator.aws.VersionView;
import dev.lmi.operator.reconciler.plan.FunctionAction.Announce;
import dev.lmi.operator.reconciler.plan.FunctionAction.Deactivate;
import dev.lmi.operator.reconciler.plan.FunctionAction.PointAlias;
import dev.lmi.operator.reconciler.plan.FunctionAction.PutScaling;
import dev.lmi.operator.reconciler.plan.FunctionAction.Wait;
import dev.lmi.operator.rollout.Notice;
import dev.lmi.operator.rollout.RolloutDecision;
import dev.lmi.operator.rollout.RolloutState;
import dev.lmi.operator.rollout.Route;
import dev.lmi.operator.status.Outcome;
import dev.lmi.operator.status.Reason;
import java.time.Instant;
import java.util.List;

/**
 * A rollout's ways back to the stable version, and capacity: the stable version is woken before the
 * alias routes to it alone (an alias never points at a Deactivated version), a canary no alias
 * routes to any more is scaled to zero like a retained version, and a function scaled to zero
 * (suspend, a zero window) aborts its rollout and scales both versions to zero.
 */
final class RolloutRevert {
  private final FunctionDesired d;
  private final Pace pace;
  private final ProviderRoom room;

  RolloutRevert(FunctionDesired desired, Pace pace, ProviderRoom room) {
    this.d = desired;
    this.pace = pace;
    this.room = room;
  }

  /** Whether the decision puts all traffic back on the stable version while the alias splits. */
  static boolean backToStable(RolloutDecision decision, Route observed) {
    var route = decision.route();
    return route != null
        && observed != null
        && !route.weighted()
        && !route.equals(observed)
        && route.version().equals(observed.version());
  }

  /**
   * True when the stable version can take traffic (Active, or the function is at zero anyway);
   * otherwise its scaling is raised when it is deactivated, and the plan waits until it is Active.
   */
  boolean awake(Path<FunctionAction, FunctionRecord> p, VersionView stable, String before) {
    if (ready(stable)) {
      return true;
    }
    if (stable.deactivated()) {
      var full = room == null ? null : room.reactivation(stable.version(), d, p.record(), pace);
      if (full != null) {
        p.end(full);
        return false;
      }
      var min = d.minExecutionEnvironments();
      p.add(new PutScaling(VersionRef.of(stable.version()), min, d.maxExecutionEnvironments()));
    }
    var text =
        "version "
            + stable.version()
            + " is "
            + stable.state()
            + ": it starts its execution environments again "
            + before;
    p.add(new Wait(Outcome.waiting(Reason.RollingOut, text, pace.poll())));
    return false;
  }

  /** The stable version can take all traffic: Active, or the function is at zero anyway. */
  boolean ready(VersionView stable) {
    return stable == null || stable.active() || atZero();
  }

  /** A rolled-back or aborted rollout: its canary is scaled to zero once, then the terminal end. */
  Decision<FunctionAction, FunctionPlan.Read, FunctionRecord> ended(
      Path<FunctionAction, FunctionRecord> p, VersionRef canary, String message) {
    sleep(p, canary);
    p.end(Outcome.terminal(Reason.RolledBack, message));
    return p.decision(null);
  }

  /**
   * The function is at zero with a new version to roll out: a rollout under way is aborted (all
   * traffic back on the stable version), and both versions are scaled to zero; the rollout starts
   * again from its first step when the function resumes. Null when there is no stable version.
   */
  Decision<FunctionAction, FunctionPlan.Read, FunctionRecord> suspended(
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
    sleep(p, canary);
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

  /**
   * The canary, routed to no more, stops holding execution environments; in a projection also the
   * version the plan publishes (its number a prediction).
   */
  private static void sleep(Path<FunctionAction, FunctionRecord> p, VersionRef canary) {
    var published = p.record().published();
    var same = canary.number() != null && canary.number().equals(published.version());
    if (same && !VersionView.isDeactivated(published.state())) {
      p.add(new Deactivate(List.of(canary.number())));
      p.record(p.record().versionState(VersionView.DEACTIVATING));
    }
  }

  private boolean atZero() {
    return Dormancy.zero(d.minExecutionEnvironments(), d.maxExecutionEnvironments());
  }
}
