package dev.lmi.operator.rollout;

import dev.lmi.operator.api.RolloutPhase;
import dev.lmi.operator.rollout.RolloutDecision.Kind;
import java.util.Optional;

/**
 * Decisions while a rollout is Progressing, in order of precedence: a new candidate supersedes it
 * (a new rollout from the same stable version, never from the old canary); a failed candidate rolls
 * back; a changed plan restarts it; the annotation's command; step 0 starts when the candidate is
 * ready; then the step's checks ({@link RolloutSteps}).
 */
final class RolloutProgress {
  private RolloutProgress() {}

  static RolloutDecision decide(RolloutInput in) {
    var s = in.current();
    var c = in.candidate();
    if (c == null) {
      return Decisions.hold(s, null);
    }
    if (!c.hash().equals(s.candidateHash())) {
      return superseded(in);
    }
    if (c.failed()) {
      return Decisions.rollBack(s, RolloutTexts.failed(c), in.now());
    }
    if (!in.plan().hash().equals(s.planHash())) {
      return replanned(in);
    }
    return command(in).orElseGet(() -> unlessCommanded(in));
  }

  private static Optional<RolloutDecision> command(RolloutInput in) {
    var s = in.current();
    return switch (in.command()) {
      case NONE -> Optional.empty();
      case ABORT -> Optional.of(Decisions.abort(s, in.now()));
      case UNKNOWN -> Optional.of(withUnknown(decide(in.withoutCommand())));
      case PROMOTE ->
          Optional.of(
              in.candidate().ready()
                  ? Decisions.promote(
                          s, "promoted by the lmi.dev/rollout=promote annotation", in.now())
                      .clearingCommand()
                  : Decisions.hold(s, null)
                      .with(
                          Notice.warning(
                              "RolloutCommandIgnored", "cannot promote yet: " + s.message()))
                      .clearingCommand());
    };
  }

  private static RolloutDecision unlessCommanded(RolloutInput in) {
    var s = in.current();
    if (s.step() == 0) {
      return RolloutStart.fromStable(in, s.stableVersion(), null);
    }
    return RolloutSteps.next(in);
  }

  /** A new candidate: the old canary loses its traffic at once; the new one starts from stable. */
  private static RolloutDecision superseded(RolloutInput in) {
    var s = in.current();
    var why =
        Notice.normal(
            "RolloutSuperseded",
            "the spec changed during the rollout of version "
                + s.canaryVersion()
                + ": a new rollout starts from version "
                + s.stableVersion());
    if (!in.plan().gradual()) {
      var ended =
          s.ended(RolloutPhase.Aborted, 0, in.now(), "superseded by a spec change (AllAtOnce)");
      return RolloutDecision.of(Kind.NONE, ended, null, null).with(why);
    }
    return RolloutStart.fromStable(in, s.stableVersion(), why);
  }

  /** spec.rollout changed for the same candidate: AllAtOnce promotes, anything else restarts. */
  private static RolloutDecision replanned(RolloutInput in) {
    var s = in.current();
    if (!in.plan().gradual()) {
      if (in.candidate().ready()) {
        return Decisions.promote(s, "spec.rollout changed to AllAtOnce", in.now());
      }
      var ended = s.ended(RolloutPhase.Aborted, 0, in.now(), "spec.rollout changed to AllAtOnce");
      return RolloutDecision.of(Kind.NONE, ended, null, null);
    }
    var why =
        Notice.normal(
            "RolloutRestarted",
            "spec.rollout changed: the rollout of version "
                + s.canaryVersion()
                + " restarts from step 1 (stable "
                + s.stableVersion()
                + ")");
    return RolloutStart.fromStable(in, s.stableVersion(), why);
  }

  private static RolloutDecision withUnknown(RolloutDecision d) {
    if (d.kind() == Kind.READ) {
      return d;
    }
    return d.with(
            Notice.warning(
                "RolloutCommandUnknown",
                "lmi.dev/rollout takes \"promote\" or \"abort\"; the annotation was removed"))
        .clearingCommand();
  }
}
