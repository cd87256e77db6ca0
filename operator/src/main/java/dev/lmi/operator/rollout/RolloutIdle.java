package dev.lmi.operator.rollout;

import dev.lmi.operator.rollout.RolloutDecision.Kind;

/**
 * Decisions when no rollout is under way: start one when a ready candidate differs from the alias's
 * version and the plan has steps; keep a rolled-back candidate off the alias until the candidate or
 * the plan changes; otherwise leave the alias to the usual flow (first version, AllAtOnce, a
 * candidate still publishing or failed).
 */
final class RolloutIdle {
  private RolloutIdle() {}

  static RolloutDecision decide(RolloutInput in) {
    var decision = next(in);
    if (in.command() == Command.NONE || decision.kind() == Kind.READ) {
      return decision;
    }
    return decision.with(ignored(in)).clearingCommand();
  }

  private static RolloutDecision next(RolloutInput in) {
    var s = in.current();
    var c = in.candidate();
    if (s != null
        && s.reverted()
        && c != null
        && c.hash().equals(s.candidateHash())
        && in.plan().hash().equals(s.planHash())) {
      return RolloutDecision.of(Kind.DONE, s, Rollouts.route(s), null);
    }
    if (!in.plan().gradual()
        || c == null
        || !c.ready()
        || in.alias() == null
        || c.version().equals(in.alias().version())) {
      return RolloutDecision.of(Kind.NONE, s, null, null);
    }
    return RolloutStart.start(in, in.alias().version(), null);
  }

  private static Notice ignored(RolloutInput in) {
    if (in.command() == Command.UNKNOWN) {
      return Notice.warning(
          "RolloutCommandUnknown",
          "lmi.dev/rollout takes \"promote\" or \"abort\"; the annotation was removed");
    }
    var s = in.current();
    var last = s == null ? "" : " (the last rollout " + s.phase() + ": " + s.message() + ")";
    return Notice.normal(
        "RolloutCommandIgnored",
        "lmi.dev/rollout="
            + in.command().name().toLowerCase(java.util.Locale.ROOT)
            + ": no rollout is in progress"
            + last
            + "; the annotation was removed");
  }
}
