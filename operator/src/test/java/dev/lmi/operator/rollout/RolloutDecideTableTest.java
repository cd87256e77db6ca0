package dev.lmi.operator.rollout;

import static dev.lmi.operator.rollout.RolloutDecision.Kind.ABORT;
import static dev.lmi.operator.rollout.RolloutDecision.Kind.ADVANCE;
import static dev.lmi.operator.rollout.RolloutDecision.Kind.DONE;
import static dev.lmi.operator.rollout.RolloutDecision.Kind.HOLD;
import static dev.lmi.operator.rollout.RolloutDecision.Kind.NONE;
import static dev.lmi.operator.rollout.RolloutDecision.Kind.PROMOTE;
import static dev.lmi.operator.rollout.RolloutDecision.Kind.READ;
import static dev.lmi.operator.rollout.RolloutDecision.Kind.ROLL_BACK;
import static dev.lmi.operator.rollout.RolloutDecision.Kind.START;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lmi.operator.api.RolloutPhase;
import dev.lmi.operator.aws.AlarmView;
import dev.lmi.operator.aws.InvocationCounts;
import dev.lmi.operator.rollout.RolloutDecision.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One decision per row, from explicit inputs: the rollout's contract for the plan that calls it.
 * The plan is Canary 10% for 5m, 50% for 5m with alarm "a", maxErrorRate 0.01, minInvocations 20;
 * the stable version is 3, the candidate 4 (hash h4).
 */
class RolloutDecideTableTest {
  private static final Instant NOW = Instant.parse("2026-12-01T12:10:00Z");
  private static final RolloutPlan PLAN =
      RolloutPlan.of(World.analysed(World.canary(10, "5m", 50, "5m"), List.of("a"), "0.01", 20));
  private static final Candidate READY = Candidate.ready("4", "h4");
  private static final Readings CALM = readings(AlarmView.State.OK, 25, 0);

  static Stream<Arguments> rows() {
    return Stream.of(
        row("first version: no alias yet", null, READY, null, Command.NONE, null, NONE, null),
        row(
            "alias already on the candidate",
            null,
            READY,
            Route.single("4"),
            Command.NONE,
            null,
            NONE,
            null),
        row(
            "candidate still publishing",
            null,
            Candidate.preparing(null, "h4"),
            Route.single("3"),
            Command.NONE,
            null,
            NONE,
            null),
        row(
            "candidate failed, no rollout",
            null,
            Candidate.failed("4", "h4", "x"),
            Route.single("3"),
            Command.NONE,
            null,
            NONE,
            null),
        row(
            "ready: read the alarms first",
            null,
            READY,
            Route.single("3"),
            Command.NONE,
            null,
            READ,
            null),
        row(
            "ready and calm: step 1",
            null,
            READY,
            Route.single("3"),
            Command.NONE,
            CALM,
            START,
            Route.split("3", "4", 10)),
        row(
            "ready, alarm in ALARM: wait at step 0",
            null,
            READY,
            Route.single("3"),
            Command.NONE,
            readings(AlarmView.State.ALARM, 0, 0),
            HOLD,
            Route.single("3")),
        row(
            "ready, alarm missing: rolled back unstarted",
            null,
            READY,
            Route.single("3"),
            Command.NONE,
            readings(AlarmView.State.MISSING, 0, 0),
            ROLL_BACK,
            Route.single("3")),
        row(
            "step 1, 2m in: read",
            at(1, 10, 2),
            READY,
            Route.split("3", "4", 10),
            Command.NONE,
            null,
            READ,
            null),
        row(
            "step 1, 2m in, calm: hold",
            at(1, 10, 2),
            READY,
            Route.split("3", "4", 10),
            Command.NONE,
            CALM,
            HOLD,
            Route.split("3", "4", 10)),
        row(
            "step 1, 5m in, calm: step 2",
            at(1, 10, 5),
            READY,
            Route.split("3", "4", 10),
            Command.NONE,
            CALM,
            ADVANCE,
            Route.split("3", "4", 50)),
        row(
            "step 1, 5m in, 19 invocations: hold",
            at(1, 10, 5),
            READY,
            Route.split("3", "4", 10),
            Command.NONE,
            readings(AlarmView.State.OK, 19, 0),
            HOLD,
            Route.split("3", "4", 10)),
        row(
            "step 2, 5m in, calm: promote",
            at(2, 50, 5),
            READY,
            Route.split("3", "4", 50),
            Command.NONE,
            CALM,
            PROMOTE,
            Route.single("4")),
        row(
            "step 2, errors above the rate",
            at(2, 50, 1),
            READY,
            Route.split("3", "4", 50),
            Command.NONE,
            readings(AlarmView.State.OK, 100, 2),
            ROLL_BACK,
            Route.single("3")),
        row(
            "step 2, alarm",
            at(2, 50, 1),
            READY,
            Route.split("3", "4", 50),
            Command.NONE,
            readings(AlarmView.State.ALARM, 0, 0),
            ROLL_BACK,
            Route.single("3")),
        row(
            "step 1, alias drifted: put back",
            at(1, 10, 2),
            READY,
            Route.single("3"),
            Command.NONE,
            CALM,
            HOLD,
            Route.split("3", "4", 10)),
        row(
            "abort: no read needed",
            at(1, 10, 2),
            READY,
            Route.split("3", "4", 10),
            Command.ABORT,
            null,
            ABORT,
            Route.single("3")),
        row(
            "promote: no read needed",
            at(1, 10, 2),
            READY,
            Route.split("3", "4", 10),
            Command.PROMOTE,
            null,
            PROMOTE,
            Route.single("4")),
        row(
            "new candidate publishing: stable only",
            at(2, 50, 1),
            Candidate.preparing(null, "h5"),
            Route.split("3", "4", 50),
            Command.NONE,
            null,
            HOLD,
            Route.single("3")),
        row(
            "new candidate ready: read, then start",
            at(2, 50, 1),
            Candidate.ready("5", "h5"),
            Route.split("3", "4", 50),
            Command.NONE,
            null,
            READ,
            null),
        row(
            "new candidate ready, calm: from stable",
            at(2, 50, 1),
            Candidate.ready("5", "h5"),
            Route.split("3", "4", 50),
            Command.NONE,
            CALM,
            START,
            Route.split("3", "5", 10)),
        row(
            "new candidate failed: stable only",
            at(2, 50, 1),
            Candidate.failed("5", "h5", "x"),
            Route.split("3", "4", 50),
            Command.NONE,
            null,
            ROLL_BACK,
            Route.single("3")),
        row(
            "rolled back, same candidate: stays",
            ended(RolloutPhase.RolledBack),
            READY,
            Route.single("3"),
            Command.NONE,
            null,
            DONE,
            Route.single("3")),
        row(
            "aborted, same candidate: stays",
            ended(RolloutPhase.Aborted),
            READY,
            Route.single("3"),
            Command.PROMOTE,
            null,
            DONE,
            Route.single("3")),
        row(
            "succeeded, alias on it: nothing",
            ended(RolloutPhase.Succeeded),
            READY,
            Route.single("4"),
            Command.NONE,
            null,
            NONE,
            null),
        row(
            "a failed candidate rolls back before a changed plan is looked at",
            at(1, 10, 2),
            Candidate.failed("4", "h4", "x"),
            Route.split("3", "4", 10),
            Command.PROMOTE,
            null,
            ROLL_BACK,
            Route.single("3")),
        planned(
            "plan changed to AllAtOnce mid-step: promote",
            ALL_AT_ONCE,
            at(1, 10, 2),
            READY,
            Route.split("3", "4", 10),
            PROMOTE,
            Route.single("4")),
        planned(
            "plan changed to AllAtOnce, candidate not ready: hand back",
            ALL_AT_ONCE,
            waiting(),
            Candidate.preparing(null, "h4"),
            Route.single("3"),
            NONE,
            null),
        planned(
            "plan changed, candidate not ready: wait on stable",
            LINEAR,
            waiting(),
            Candidate.preparing(null, "h4"),
            Route.single("3"),
            HOLD,
            Route.single("3")),
        planned(
            "plan changed mid-step: restart at its step 1",
            LINEAR,
            at(2, 50, 1),
            READY,
            Route.split("3", "4", 50),
            START,
            Route.split("3", "4", 25)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void decides(String name, RolloutInput in, Kind kind, Route route) {
    var d = Rollouts.decide(in);

    assertThat(d.kind()).as(name).isEqualTo(kind);
    assertThat(d.route()).as(name).isEqualTo(route);
    if (kind == READ) {
      assertThat(d.read().alarms()).containsExactly("a");
      assertThat(d.state()).isNull();
    }
    if (d.state() != null && d.state().progressing()) {
      assertThat(Rollouts.route(d.state()))
          .as("the route follows from the state alone")
          .isEqualTo(d.route());
    }
  }

  private static final RolloutPlan ALL_AT_ONCE = RolloutPlan.of(null);
  private static final RolloutPlan LINEAR = RolloutPlan.of(World.linear(25, "1m"));

  private static Arguments planned(
      String name,
      RolloutPlan plan,
      RolloutState state,
      Candidate c,
      Route alias,
      Kind kind,
      Route route) {
    return Arguments.of(
        name, new RolloutInput(plan, state, c, alias, null, Command.NONE, NOW), kind, route);
  }

  /** Progressing at step 0: waiting for candidate h4 to be ready. */
  private static RolloutState waiting() {
    return new RolloutState(
        RolloutPhase.Progressing,
        "3",
        null,
        0,
        2,
        0,
        null,
        NOW,
        null,
        "h4",
        PLAN.hash(),
        null,
        null,
        "");
  }

  private static Arguments row(
      String name,
      RolloutState state,
      Candidate c,
      Route alias,
      Command command,
      Readings readings,
      Kind kind,
      Route route) {
    return Arguments.of(
        name, new RolloutInput(PLAN, state, c, alias, readings, command, NOW), kind, route);
  }

  /** Progressing at step n (weight w), begun m minutes before NOW. */
  private static RolloutState at(int n, int w, int minutesIn) {
    var began = NOW.minus(Duration.ofMinutes(minutesIn));
    return new RolloutState(
        RolloutPhase.Progressing,
        "3",
        "4",
        n,
        2,
        w,
        began,
        began.minus(Duration.ofMinutes(5)),
        null,
        "h4",
        PLAN.hash(),
        null,
        null,
        "");
  }

  private static RolloutState ended(RolloutPhase phase) {
    var s = at(1, 10, 2);
    return s.ended(phase, phase == RolloutPhase.Succeeded ? 100 : 0, NOW, "ended");
  }

  private static Readings readings(AlarmView.State alarm, long invocations, long errors) {
    return new Readings(
        List.of(new AlarmView("a", alarm, null)),
        new InvocationCounts("4", invocations, errors, NOW.minusSeconds(300), NOW));
  }
}
