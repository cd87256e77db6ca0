package dev.lmi.operator.reconciler.plan;

import dev.lmi.operator.aws.VersionView;
import dev.lmi.operator.reconciler.plan.FunctionAction.Deactivate;
import dev.lmi.operator.reconciler.plan.FunctionAction.PutScaling;
import dev.lmi.operator.reconciler.plan.FunctionAction.Wait;
import dev.lmi.operator.rollout.RolloutDecision;
import dev.lmi.operator.rollout.Route;
import dev.lmi.operator.status.Outcome;
import dev.lmi.operator.status.Reason;
import java.util.List;

/**
 * A rollout's ways back to the stable version, and capacity: the stable version is woken before the
 * alias routes to it alone (an alias never points at a Deactivated version), and a canary no alias
 * routes to any more is scaled to zero like a retained version. At zero it is {@link
 * RolloutAtZero}.
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
   * The canary, routed to no more, stops holding execution environments; in a projection also the
   * version the plan publishes (its number a prediction).
   */
  static void sleep(Path<FunctionAction, FunctionRecord> p, VersionRef canary) {
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
