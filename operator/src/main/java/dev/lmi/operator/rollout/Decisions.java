package dev.lmi.operator.rollout;

import dev.lmi.operator.api.RolloutPhase;
import dev.lmi.operator.rollout.RolloutDecision.Kind;
import java.time.Duration;
import java.time.Instant;

/** The endings and waits every path of a rollout shares. */
final class Decisions {
  /** CloudWatch's Lambda metrics come per minute: looking more often reads the same figures. */
  static final Duration ANALYSIS_LOOK = Duration.ofMinutes(1);

  static final Duration SHORTEST_LOOK = Duration.ofSeconds(1);

  private Decisions() {}

  static RolloutDecision hold(RolloutState s, Duration requeue) {
    return RolloutDecision.of(Kind.HOLD, s, Rollouts.route(s), requeue);
  }

  static RolloutDecision rollBack(RolloutState s, String why, Instant now) {
    var ended = s.ended(RolloutPhase.RolledBack, 0, now, "rolled back: " + why);
    return RolloutDecision.of(Kind.ROLL_BACK, ended, Rollouts.route(ended), null)
        .with(Notice.warning("RolloutRolledBack", ended.message() + backTo(ended)));
  }

  static RolloutDecision abort(RolloutState s, Instant now) {
    var at = s.step() == 0 ? "before step 1" : "at " + RolloutTexts.step(s);
    var ended =
        s.ended(
            RolloutPhase.Aborted, 0, now, "aborted by the lmi.dev/rollout=abort annotation " + at);
    return RolloutDecision.of(Kind.ABORT, ended, Rollouts.route(ended), null)
        .with(Notice.warning("RolloutAborted", ended.message() + backTo(ended)))
        .clearingCommand();
  }

  static RolloutDecision promote(RolloutState s, String why, Instant now) {
    var ended =
        s.ended(
            RolloutPhase.Succeeded,
            100,
            now,
            "version " + s.canaryVersion() + " takes all traffic: " + why);
    return RolloutDecision.of(Kind.PROMOTE, ended, Rollouts.route(ended), null)
        .with(Notice.normal("RolloutSucceeded", ended.message()));
  }

  /**
   * When to look again at a step with {@code left} of its pause to go: at the end of the pause, and
   * with analysis at least once a minute (alarms are checked at every look; a step whose pause is
   * over waits there for its invocations).
   */
  static Duration lookAgain(Analysis analysis, Duration left) {
    if (analysis == null) {
      return left.compareTo(SHORTEST_LOOK) < 0 ? SHORTEST_LOOK : left;
    }
    if (!left.isPositive() || left.compareTo(ANALYSIS_LOOK) > 0) {
      return ANALYSIS_LOOK;
    }
    return left.compareTo(SHORTEST_LOOK) < 0 ? SHORTEST_LOOK : left;
  }

  private static String backTo(RolloutState s) {
    return "; all traffic is back on version " + s.stableVersion();
  }
}
