package dev.lmi.operator.rollout;

import dev.lmi.operator.api.RolloutPhase;
import dev.lmi.operator.rollout.RolloutDecision.Kind;

/**
 * Decisions while a rollout is Progressing, in order of precedence: a new candidate supersedes it
 * (a new rollout from the same stable version, never from the old canary); a changed plan restarts
 * it; a failed candidate rolls back; the annotation's command; step 0 starts when the candidate is
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
    if (!in.plan().hash().equals(s.planHash())) {
      return replanned(in);
    }
    if (c.failed()) {
      return Decisions.rollBack(s, "version " + c.version() + " failed: " + c.failure(), in.now());
    }
    switch (in.command()) {
      case ABORT -> {
        return Decisions.abort(s, in.now());
      }
      case PROMOTE -> {
        return c.ready()
            ? Decisions.promote(s, "promoted by the lmi.dev/rollout=promote annotation", in.now())
                .clearingCommand()
            : Decisions.hold(s, null)
                .with(Notice.warning("RolloutCommandIgnored", "cannot promote yet: " + s.message()))
                .clearingCommand();
      }
      case UNKNOWN -> {
        return withUnknown(decide(in.withoutCommand()));
      }
      default -> {}
    }
    return unlessCommanded(in);
  }

  private static RolloutDecision unlessCommanded(RolloutInput in) {
    var s = in.current();
    var c = in.candidate();
    if (s.step() == 0) {
      return c.ready() ? RolloutStart.start(in, s.stableVersion(), null) : Decisions.hold(s, null);
    }
    return RolloutSteps.next(in);
  }

  /**
   * A new candidate: the old canary loses its traffic; the new one starts from stable when ready.
   */
  private static RolloutDecision superseded(RolloutInput in) {
    var s = in.current();
    var c = in.candidate();
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
    var fresh = RolloutStart.fresh(in, s.stableVersion());
    if (c.failed()) {
      return Decisions.rollBack(
              fresh, "version " + c.version() + " failed: " + c.failure(), in.now())
          .with(why);
    }
    if (!c.ready()) {
      var waiting =
          fresh.withFigures(
              null,
              null,
              "a new version is being prepared; all traffic on version " + s.stableVersion());
      return Decisions.hold(waiting, null).with(why);
    }
    return RolloutStart.start(in.withCurrent(fresh), s.stableVersion(), why);
  }

  /** spec.rollout changed for the same candidate: AllAtOnce promotes, anything else restarts. */
  private static RolloutDecision replanned(RolloutInput in) {
    var s = in.current();
    if (!in.plan().gradual()) {
      return Decisions.promote(s, "spec.rollout changed to AllAtOnce", in.now());
    }
    var why =
        Notice.normal(
            "RolloutRestarted",
            "spec.rollout changed: the rollout of version "
                + s.canaryVersion()
                + " restarts from step 1 (stable "
                + s.stableVersion()
                + ")");
    return RolloutStart.start(in, s.stableVersion(), why);
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
