package dev.lmi.operator.rollout;

import dev.lmi.operator.api.RolloutPhase;
import dev.lmi.operator.aws.AlarmView;
import dev.lmi.operator.rollout.RolloutDecision.Kind;

/**
 * The start of a rollout of a ready candidate from a stable version. The alarms are read first: a
 * name that matches no alarm ends it before any traffic moves (only a spec change fixes a wrong
 * name), and one in ALARM holds the start until it clears.
 */
final class RolloutStart {
  private RolloutStart() {}

  /** Starts from {@code stable}; {@code why}, when not null, is an Event saying why it restarts. */
  static RolloutDecision start(RolloutInput in, String stable, Notice why) {
    var fresh = fresh(in, stable);
    var analysis = in.plan().analysis();
    if (analysis != null && !analysis.alarms().isEmpty()) {
      if (in.readings() == null) {
        return RolloutDecision.read(
            in.current(), new ReadRequest(analysis.alarms(), null, null, null));
      }
      var missing = in.readings().alarms().stream().filter(AlarmView::missing).toList();
      if (!missing.isEmpty()) {
        return notify(
            Decisions.rollBack(fresh, "not started: " + RolloutTexts.alarms(missing), in.now()),
            why);
      }
      var blocking = StepJudge.blockingStart(in.readings());
      if (blocking.isPresent()) {
        var text =
            "version "
                + fresh.canaryVersion()
                + " waits to start: "
                + RolloutTexts.alarms(java.util.List.of(blocking.get()));
        return notify(
            Decisions.hold(fresh.withFigures(null, null, text), Decisions.ANALYSIS_LOOK), why);
      }
    }
    var first = in.plan().steps().get(0);
    var s = fresh.atStep(1, first.weight(), in.now(), null);
    s =
        s.withFigures(
            null, null, RolloutTexts.waiting(s, first.pause(), first.pause(), null, null));
    var started =
        RolloutDecision.of(
                Kind.START, s, Rollouts.route(s), Decisions.lookAgain(analysis, first.pause()))
            .with(
                Notice.normal(
                    "RolloutStarted", RolloutTexts.step(s) + "; " + in.plan().describe()));
    return notify(started, why);
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

  private static RolloutDecision notify(RolloutDecision d, Notice why) {
    if (why == null) {
      return d;
    }
    var withWhy = new java.util.ArrayList<Notice>();
    withWhy.add(why);
    withWhy.addAll(d.notices());
    return new RolloutDecision(
        d.kind(),
        d.state(),
        d.route(),
        d.reason(),
        d.message(),
        d.requeue(),
        withWhy,
        d.clearCommand(),
        d.read());
  }
}
