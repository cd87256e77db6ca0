package dev.lmi.operator.rollout;

import dev.lmi.operator.aws.InvocationCounts;
import dev.lmi.operator.rollout.RolloutDecision.Kind;
import java.time.Duration;
import java.util.List;

/**
 * One look at a step in progress: read the analysis, roll back on a failed check, pass the step
 * once its pause is over and it has its invocations (then the next step, or all traffic after the
 * last), else hold. The step's clock comes from status, never from memory, so a restarted operator
 * resumes the same step where it was.
 */
final class RolloutSteps {
  private RolloutSteps() {}

  static RolloutDecision next(RolloutInput in) {
    var s = in.current();
    var plan = in.plan();
    if (s.step() > plan.steps().size()) {
      return RolloutStart.fromStable(in, s.stableVersion(), null);
    }
    var step = plan.steps().get(s.step() - 1);
    if (s.stepStartedAt() == null) {
      var restarted = s.atStep(s.step(), step.weight(), in.now(), s.message());
      return Decisions.hold(restarted, Decisions.lookAgain(plan.analysis(), step.pause()));
    }
    var readings = in.readings();
    if (plan.analysis() != null && readings == null) {
      var request = request(plan.analysis(), s, in);
      if (!request.empty()) {
        return RolloutDecision.read(request);
      }
      readings = new Readings(List.of(), null);
    }
    return judge(in, step, readings);
  }

  /** The verdict of the step's checks, then of its pause and invocations. */
  private static RolloutDecision judge(RolloutInput in, Step step, Readings readings) {
    var s = in.current();
    var analysis = in.plan().analysis();
    var counts = readings == null ? null : readings.counts();
    var seen =
        counts == null ? s : s.withFigures(counts.invocations(), counts.errors(), s.message());
    var failure = StepJudge.failure(analysis, readings);
    if (failure.isPresent()) {
      return Decisions.rollBack(seen, failure.get(), in.now());
    }
    var left = step.pause().minus(Duration.between(s.stepStartedAt(), in.now()));
    if (!left.isPositive() && StepJudge.enoughInvocations(analysis, readings)) {
      return passed(in, counts);
    }
    var text = RolloutTexts.waiting(s, left, step.pause(), analysis, counts);
    return Decisions.hold(
        seen.withFigures(seen.invocations(), seen.errors(), text),
        Decisions.lookAgain(analysis, left));
  }

  private static RolloutDecision passed(RolloutInput in, InvocationCounts c) {
    var s = in.current();
    var plan = in.plan();
    var figures =
        c == null
            ? ""
            : " (" + c.invocations() + " invocations, " + c.errors() + " errors in the last step)";
    if (s.step() == plan.steps().size()) {
      return Decisions.promote(s, "all " + s.steps() + " steps passed" + figures, in.now());
    }
    var next = plan.steps().get(s.step());
    var moved = s.atStep(s.step() + 1, next.weight(), in.now(), null);
    moved =
        moved.withFigures(
            null, null, RolloutTexts.waiting(moved, next.pause(), next.pause(), null, null));
    return RolloutDecision.of(
            Kind.ADVANCE,
            moved,
            Rollouts.route(moved),
            Decisions.lookAgain(plan.analysis(), next.pause()))
        .with(
            Notice.normal(
                "RolloutStep",
                RolloutTexts.step(moved) + "; step " + s.step() + " passed" + figures));
  }

  /** The alarms, and the canary's counts since its step began unless nothing needs them. */
  private static ReadRequest request(Analysis a, RolloutState s, RolloutInput in) {
    if (a.maxErrorRate() == null && a.minInvocations() == 0) {
      return new ReadRequest(a.alarms(), null, null, null);
    }
    return new ReadRequest(a.alarms(), s.canaryVersion(), s.stepStartedAt(), in.now());
  }
}
