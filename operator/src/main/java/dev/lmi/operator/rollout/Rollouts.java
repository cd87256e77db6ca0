package dev.lmi.operator.rollout;

import dev.lmi.operator.api.RolloutPhase;

/**
 * The rollout state machine, pure: {@link #decide} takes what was observed ({@link RolloutInput})
 * and returns what to do ({@link RolloutDecision}). No I/O, no clock: the caller passes {@code
 * now}, reads CloudWatch when a decision says {@link RolloutDecision.Kind#READ} and decides again
 * with the readings, then applies the route, the status and the Events.
 *
 * <p>Phases: none → Progressing (step 0 waits for the candidate and for alarms to clear; steps 1..n
 * route their weight) → Succeeded (all traffic on the candidate), RolledBack (a check failed) or
 * Aborted (annotation). The last two keep all traffic on the stable version until the candidate or
 * spec.rollout changes.
 */
public final class Rollouts {
  private Rollouts() {}

  public static RolloutDecision decide(RolloutInput in) {
    var s = in.current();
    if (s != null && s.progressing()) {
      return RolloutProgress.decide(in);
    }
    return RolloutIdle.decide(in);
  }

  /**
   * Where the alias must send traffic in a state: the split of the current step; all on stable
   * before the first step and after a rollback or abort; all on the canary once it succeeded.
   */
  public static Route route(RolloutState s) {
    if (s.phase() == RolloutPhase.Succeeded) {
      return Route.single(s.canaryVersion());
    }
    if (s.progressing() && s.step() > 0 && s.weight() > 0 && s.weight() < 100) {
      return Route.split(s.stableVersion(), s.canaryVersion(), s.weight());
    }
    return Route.single(s.stableVersion());
  }
}
