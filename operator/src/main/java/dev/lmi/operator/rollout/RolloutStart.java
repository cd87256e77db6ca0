package dev.lmi.operator.rollout;

import dev.lmi.operator.api.RolloutPhase;
import dev.lmi.operator.aws.AlarmView;
import dev.lmi.operator.rollout.RolloutDecision.Kind;
import java.util.List;
import java.util.Optional;

/**
 * The start of a rollout of a ready candidate from a stable version. The alarms are read first: a
 * name that matches no alarm ends it before any traffic moves (only a spec change fixes a wrong
 * name), and one in ALARM holds the start until it clears.
 */
final class RolloutStart {
  private RolloutStart() {}

  /**
   * A rollout from {@code stable}: waits for a candidate that is not ready, rolls back a failed
   * one, starts a ready one. {@code why}, when not null, is an Event saying why it (re)starts.
   */
  static RolloutDecision fromStable(RolloutInput in, String stable, Notice why) {
    var fresh = fresh(in, stable);
    var c = in.candidate();
    if (c.failed()) {
      return Decisions.rollBack(fresh, RolloutTexts.failed(c), in.now()).withFirst(why);
    }
    if (!c.ready()) {
      var text =
          (c.version() == null
                  ? "a new version is being prepared"
                  : "version " + c.version() + " is not ready yet")
              + "; all traffic on version "
              + stable;
      return Decisions.hold(fresh.withFigures(null, null, text), null).withFirst(why);
    }
    return start(in.withCurrent(fresh), stable, why);
  }

  /**
   * Starts the ready candidate from {@code stable}, once the alarms allow it; two versions AWS will
   * not split an alias between end the rollout before any traffic moves.
   */
  static RolloutDecision start(RolloutInput in, String stable, Notice why) {
    var fresh = fresh(in, stable);
    if (in.splitRefusal() != null) {
      var text =
          "not started: "
              + in.splitRefusal()
              + "; roll this change out with strategy AllAtOnce (or without spec.rollout)";
      return Decisions.rollBack(fresh, text, in.now()).withFirst(why);
    }
    return alarmGate(in, fresh).orElseGet(() -> firstStep(in, fresh)).withFirst(why);
  }

  /** Progressing, before the first step: all traffic on the stable version. */
  static RolloutState fresh(RolloutInput in, String stable) {
    var c = in.candidate();
    return new RolloutState(
        RolloutPhase.Progressing,
        stable,
        c.version(),
        0,
        in.plan().steps().size(),
        0,
        null,
        in.now(),
        null,
        c.hash(),
        in.plan().hash(),
        null,
        null,
        "version " + c.version() + " waits to start (stable " + stable + ")");
  }

  private static Optional<RolloutDecision> alarmGate(RolloutInput in, RolloutState fresh) {
    var analysis = in.plan().analysis();
    if (analysis == null || analysis.alarms().isEmpty()) {
      return Optional.empty();
    }
    if (in.readings() == null) {
      return Optional.of(
          RolloutDecision.read(new ReadRequest(analysis.alarms(), null, null, null)));
    }
    var missing = in.readings().alarms().stream().filter(AlarmView::missing).toList();
    if (!missing.isEmpty()) {
      var why = "not started: " + RolloutTexts.alarms(missing);
      return Optional.of(Decisions.rollBack(fresh, why, in.now()));
    }
    return StepJudge.blockingStart(in.readings())
        .map(
            a -> {
              var text =
                  "version "
                      + fresh.canaryVersion()
                      + " waits to start: "
                      + RolloutTexts.alarms(List.of(a));
              return Decisions.hold(fresh.withFigures(null, null, text), Decisions.ANALYSIS_LOOK);
            });
  }

  private static RolloutDecision firstStep(RolloutInput in, RolloutState fresh) {
    var first = in.plan().steps().get(0);
    var s = fresh.atStep(1, first.weight(), in.now(), null);
    s =
        s.withFigures(
            null, null, RolloutTexts.waiting(s, first.pause(), first.pause(), null, null));
    var requeue = Decisions.lookAgain(in.plan().analysis(), first.pause());
    return RolloutDecision.of(Kind.START, s, Rollouts.route(s), requeue)
        .with(Notice.normal("RolloutStarted", RolloutTexts.step(s) + "; " + in.plan().describe()));
  }
}
