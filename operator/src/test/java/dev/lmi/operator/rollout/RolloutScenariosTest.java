package dev.lmi.operator.rollout;

import static dev.lmi.operator.rollout.RolloutDecision.Kind.ABORT;
import static dev.lmi.operator.rollout.RolloutDecision.Kind.ADVANCE;
import static dev.lmi.operator.rollout.RolloutDecision.Kind.DONE;
import static dev.lmi.operator.rollout.RolloutDecision.Kind.HOLD;
import static dev.lmi.operator.rollout.RolloutDecision.Kind.NONE;
import static dev.lmi.operator.rollout.RolloutDecision.Kind.PROMOTE;
import static dev.lmi.operator.rollout.RolloutDecision.Kind.ROLL_BACK;
import static dev.lmi.operator.rollout.RolloutDecision.Kind.START;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lmi.operator.api.RolloutPhase;
import dev.lmi.operator.aws.AlarmView;
import dev.lmi.operator.status.Reason;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scenarios, driven through {@link World} as the reconciler will drive them. */
class RolloutScenariosTest {
  private static final List<String> ALARMS = List.of("orders-list-5xx");

  private static World analysedCanary() {
    var w = new World(World.analysed(World.canary(10, "5m", 50, "5m"), ALARMS, "0.01", 20));
    w.alarm("orders-list-5xx", AlarmView.State.OK);
    return w;
  }

  @Test
  void promotesAGoodCandidateThroughEveryStep() {
    var w = analysedCanary();

    var start = w.look();
    assertThat(start.kind()).isEqualTo(START);
    assertThat(w.alias).isEqualTo(Route.split("3", "4", 10));
    assertThat(start.reason()).isEqualTo(Reason.RollingOut);
    assertThat(start.message())
        .isEqualTo("step 1 of 2: version 4 takes 10% (stable 3); 5m pause until 12:05:30 UTC");
    assertThat(start.requeue()).isEqualTo(Duration.ofMinutes(1));

    w.invocations = 30;
    var second = w.lookUntilItMoves(Duration.ofMinutes(1), 10);
    assertThat(second.kind()).isEqualTo(ADVANCE);
    assertThat(w.now).isEqualTo(World.T0.plus(Duration.ofMinutes(5)));
    assertThat(w.alias).isEqualTo(Route.split("3", "4", 50));
    assertThat(second.message())
        .isEqualTo("step 2 of 2: version 4 takes 50% (stable 3); 5m pause until 12:10:30 UTC");

    var done = w.lookUntilItMoves(Duration.ofMinutes(1), 10);
    assertThat(done.kind()).isEqualTo(PROMOTE);
    assertThat(w.alias).isEqualTo(Route.single("4"));
    assertThat(done.reason()).isNull();
    assertThat(w.status.getPhase()).isEqualTo(RolloutPhase.Succeeded);
    assertThat(w.status.getWeight()).isEqualTo(100);
    assertThat(w.status.getMessage())
        .isEqualTo(
            "version 4 takes all traffic: all 2 steps passed (30 invocations, 0 errors in the last step)");
    assertThat(w.events)
        .extracting(Notice::reason)
        .containsExactly("RolloutStarted", "RolloutStep", "RolloutSucceeded");
    assertThat(w.aliasWrites).isEqualTo(3);

    var after = w.look();
    assertThat(after.kind()).isEqualTo(NONE);
    assertThat(w.aliasWrites).isEqualTo(3);
  }

  @Test
  void rollsBackACandidateWhoseErrorRateIsAboveTheThreshold() {
    var w = analysedCanary();
    w.look();
    w.pass(Duration.ofMinutes(2));
    w.invocations = 60;
    w.errors = 5;

    var d = w.look();

    assertThat(d.kind()).isEqualTo(ROLL_BACK);
    assertThat(w.alias).isEqualTo(Route.single("3"));
    assertThat(d.reason()).isEqualTo(Reason.RolledBack);
    assertThat(d.message())
        .isEqualTo(
            "rolled back: error rate 0.0833 (5 errors / 60 invocations of version 4 since 12:00:00"
                + " UTC) above maxErrorRate 0.01");
    assertThat(w.status.getPhase()).isEqualTo(RolloutPhase.RolledBack);
    assertThat(w.status.getWeight()).isZero();
    assertThat(w.status.getInvocations()).isEqualTo(60);
    assertThat(w.status.getErrors()).isEqualTo(5);
    assertThat(w.events)
        .last()
        .satisfies(
            e -> {
              assertThat(e.warning()).isTrue();
              assertThat(e.reason()).isEqualTo("RolloutRolledBack");
              assertThat(e.message()).endsWith("; all traffic is back on version 3");
            });
  }

  @Test
  void judgesTheErrorRateOnlyOnceTheStepHasItsInvocations() {
    var w = analysedCanary();
    w.look();
    w.pass(Duration.ofMinutes(2));
    w.invocations = 10;
    w.errors = 5;

    var early = w.look();
    assertThat(early.kind()).isEqualTo(HOLD);
    assertThat(early.message()).endsWith("; 10 of 20 invocations, 5 errors since 12:00:00 UTC");
    assertThat(w.status.getInvocations()).isEqualTo(10);
    assertThat(w.status.getErrors()).isEqualTo(5);

    w.invocations = 20;
    assertThat(w.look().kind()).isEqualTo(ROLL_BACK);
  }

  @Test
  void rollsBackWhenANamedAlarmTrips() {
    var w = analysedCanary();
    w.look();
    w.pass(Duration.ofMinutes(1));
    w.alarm("orders-list-5xx", AlarmView.State.ALARM);

    var d = w.look();

    assertThat(d.kind()).isEqualTo(ROLL_BACK);
    assertThat(w.alias).isEqualTo(Route.single("3"));
    assertThat(d.message())
        .isEqualTo(
            "rolled back: alarm orders-list-5xx is in ALARM: Threshold Crossed: 1 datapoint [7.0]"
                + " was greater than the threshold (5.0)");
  }

  @Test
  void aStepDoesNotPassBeforeTheCandidateServedMinInvocations() {
    var w = analysedCanary();
    w.look();
    w.invocations = 3;
    w.pass(Duration.ofMinutes(9));

    var d = w.look();

    assertThat(d.kind()).isEqualTo(HOLD);
    assertThat(d.message())
        .isEqualTo(
            "step 1 of 2: version 4 takes 10% (stable 3); pause of 5m over; 3 of 20 invocations, 0"
                + " errors since 12:00:00 UTC");
    assertThat(d.requeue()).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void aNamedAlarmThatDoesNotExistEndsTheRolloutBeforeAnyTrafficMoves() {
    var w = analysedCanary();
    w.alarms.clear();

    var d = w.look();

    assertThat(d.kind()).isEqualTo(ROLL_BACK);
    assertThat(w.aliasWrites).isZero();
    assertThat(w.alias).isEqualTo(Route.single("3"));
    assertThat(d.message())
        .isEqualTo(
            "rolled back: not started: alarm orders-list-5xx does not exist in CloudWatch (check"
                + " the name and the function's region)");
    assertThat(w.look().kind()).as("terminal until the spec changes").isEqualTo(DONE);
  }

  @Test
  void anAlarmAlreadyInAlarmHoldsTheStartUntilItClears() {
    var w = analysedCanary();
    w.alarm("orders-list-5xx", AlarmView.State.ALARM);

    var held = w.look();
    assertThat(held.kind()).isEqualTo(HOLD);
    assertThat(w.alias).isEqualTo(Route.single("3"));
    assertThat(held.message())
        .startsWith("version 4 waits to start: alarm orders-list-5xx is in ALARM");
    assertThat(w.status.getStep()).isZero();

    w.alarm("orders-list-5xx", AlarmView.State.OK);
    w.pass(Duration.ofMinutes(1));
    assertThat(w.look().kind()).isEqualTo(START);
    assertThat(w.alias).isEqualTo(Route.split("3", "4", 10));
  }

  @Test
  void insufficientDataDoesNotFailAStep() {
    var w = analysedCanary();
    w.alarm("orders-list-5xx", AlarmView.State.INSUFFICIENT_DATA);
    w.invocations = 25;

    assertThat(w.look().kind()).isEqualTo(START);
    assertThat(w.lookUntilItMoves(Duration.ofMinutes(1), 10).kind()).isEqualTo(ADVANCE);
  }

  @Test
  void promoteFinishesTheRolloutNowAndIsRemoved() {
    var w = analysedCanary();
    w.look();
    w.annotation = "promote";

    var d = w.look();

    assertThat(d.kind()).isEqualTo(PROMOTE);
    assertThat(d.clearCommand()).isTrue();
    assertThat(w.annotation).isNull();
    assertThat(w.alias).isEqualTo(Route.single("4"));
    assertThat(w.status.getMessage())
        .isEqualTo(
            "version 4 takes all traffic: promoted by the lmi.dev/rollout=promote annotation");
  }

  @Test
  void abortRollsBackNowAndIsRemoved() {
    var w = analysedCanary();
    w.look();
    w.annotation = "abort";

    var d = w.look();

    assertThat(d.kind()).isEqualTo(ABORT);
    assertThat(d.reason()).isEqualTo(Reason.RolledBack);
    assertThat(w.annotation).isNull();
    assertThat(w.alias).isEqualTo(Route.single("3"));
    assertThat(w.status.getPhase()).isEqualTo(RolloutPhase.Aborted);
    assertThat(w.status.getMessage())
        .isEqualTo(
            "aborted by the lmi.dev/rollout=abort annotation at step 1 of 2: version 4 takes 10%"
                + " (stable 3)");
    assertThat(w.reads).as("no CloudWatch read for an abort").hasSize(1);
    assertThat(w.look().kind()).isEqualTo(DONE);
    assertThat(w.alias).isEqualTo(Route.single("3"));
  }

  @Test
  void aCommandWithNoRolloutInProgressIsRemovedWithANote() {
    var w = new World(World.canary(10, "5m"));
    w.candidate = Candidate.ready("3", "hash-3");
    w.annotation = "abort";

    var d = w.look();

    assertThat(d.kind()).isEqualTo(NONE);
    assertThat(w.annotation).isNull();
    assertThat(w.events)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.warning()).isFalse();
              assertThat(e.message())
                  .startsWith("lmi.dev/rollout=abort: no rollout is in progress");
            });
  }

  @Test
  void anUnknownCommandIsRemovedWithAWarningAndTheRolloutGoesOn() {
    var w = analysedCanary();
    w.look();
    w.annotation = "pause";

    var d = w.look();

    assertThat(d.kind()).isEqualTo(HOLD);
    assertThat(w.annotation).isNull();
    assertThat(w.events)
        .last()
        .satisfies(
            e -> {
              assertThat(e.warning()).isTrue();
              assertThat(e.reason()).isEqualTo("RolloutCommandUnknown");
            });
  }

  @Test
  void anOperatorRestartedMidStepResumesTheSameStepFromStatusAndTheAlias() {
    var w = analysedCanary();
    w.invocations = 25;
    w.look();
    w.pass(Duration.ofMinutes(5));
    w.look();
    assertThat(w.status.getStep()).isEqualTo(2);
    var stepStartedAt = w.status.getStepStartedAt();

    // A new leader: nothing carried over but the status (as JSON would keep it) and the alias.
    var restarted = new World(w.spec);
    restarted.status = w.status;
    restarted.alias = w.alias;
    restarted.alarms.putAll(w.alarms);
    restarted.invocations = 25;
    restarted.now = w.now.plus(Duration.ofMinutes(2));

    var resumed = restarted.look();
    assertThat(resumed.kind()).isEqualTo(HOLD);
    assertThat(resumed.message())
        .startsWith("step 2 of 2: version 4 takes 50% (stable 3); 5m pause until 12:10:30 UTC");
    assertThat(restarted.status.getStepStartedAt()).isEqualTo(stepStartedAt);
    assertThat(restarted.aliasWrites).isZero();

    restarted.pass(Duration.ofMinutes(3));
    assertThat(restarted.look().kind()).isEqualTo(PROMOTE);
  }

  @Test
  void aLeaderThatDiedBetweenStatusAndAliasPutsTheAliasWhereStatusSays() {
    var w = analysedCanary();
    w.invocations = 25;
    w.look();
    w.alias = Route.single("3");

    var d = w.look();

    assertThat(d.kind()).isEqualTo(HOLD);
    assertThat(d.route()).isEqualTo(Route.split("3", "4", 10));
    assertThat(w.alias).isEqualTo(Route.split("3", "4", 10));
  }

  @Test
  void aSpecChangeMidRolloutStartsANewRolloutFromTheStableVersion() {
    var w = analysedCanary();
    w.invocations = 25;
    w.look();
    w.pass(Duration.ofMinutes(5));
    w.look();
    assertThat(w.alias).isEqualTo(Route.split("3", "4", 50));

    w.candidate = Candidate.preparing(null, "hash-5");
    var preparing = w.look();
    assertThat(preparing.kind()).isEqualTo(HOLD);
    assertThat(w.alias).as("the old canary loses its traffic at once").isEqualTo(Route.single("3"));
    assertThat(w.events).last().extracting(Notice::reason).isEqualTo("RolloutSuperseded");

    w.candidate = Candidate.ready("5", "hash-5");
    w.pass(Duration.ofMinutes(1));
    var start = w.look();
    assertThat(start.kind()).isEqualTo(START);
    assertThat(w.alias).isEqualTo(Route.split("3", "5", 10));
    assertThat(w.status.getStableVersion()).isEqualTo("3");
    assertThat(w.status.getCandidateHash()).isEqualTo("hash-5");
  }

  @Test
  void aNewCandidateThatIsReadyAtOnceReplacesTheOldCanaryInOneWrite() {
    var w = analysedCanary();
    w.look();
    w.candidate = Candidate.ready("5", "hash-5");

    var d = w.look();

    assertThat(d.kind()).isEqualTo(START);
    assertThat(w.alias).isEqualTo(Route.split("3", "5", 10));
    assertThat(w.events).extracting(Notice::reason).endsWith("RolloutSuperseded", "RolloutStarted");
  }

  @Test
  void aFailedPublishNeverGetsTraffic() {
    var w = analysedCanary();
    w.look();
    w.candidate = Candidate.failed("5", "hash-5", "FunctionError.InitTimeout");

    var d = w.look();

    assertThat(d.kind()).isEqualTo(ROLL_BACK);
    assertThat(w.alias).isEqualTo(Route.single("3"));
    assertThat(d.message()).isEqualTo("rolled back: version 5 failed: FunctionError.InitTimeout");

    var idle = new World(World.canary(10, "5m"));
    idle.candidate = Candidate.failed("4", "hash-4", "FunctionError.InitTimeout");
    assertThat(idle.look().kind()).isEqualTo(NONE);
    assertThat(idle.alias).isEqualTo(Route.single("3"));
  }

  @Test
  void aChangedPlanRestartsTheSameCandidateFromStepOne() {
    var w = analysedCanary();
    w.invocations = 25;
    w.look();
    w.pass(Duration.ofMinutes(5));
    w.look();
    w.spec = World.analysed(World.canary(20, "1m"), ALARMS, "0.01", 20);

    var d = w.look();

    assertThat(d.kind()).isEqualTo(START);
    assertThat(w.alias).isEqualTo(Route.split("3", "4", 20));
    assertThat(w.events).extracting(Notice::reason).endsWith("RolloutRestarted", "RolloutStarted");
  }

  @Test
  void switchingToAllAtOnceMidRolloutPromotes() {
    var w = analysedCanary();
    w.look();
    w.spec = null;

    assertThat(w.look().kind()).isEqualTo(PROMOTE);
    assertThat(w.alias).isEqualTo(Route.single("4"));
  }

  @Test
  void aRolledBackCandidateStaysOffTheAliasUntilTheCandidateChanges() {
    var w = analysedCanary();
    w.look();
    w.alarm("orders-list-5xx", AlarmView.State.ALARM);
    w.look();
    w.alarm("orders-list-5xx", AlarmView.State.OK);

    w.pass(Duration.ofHours(1));
    var kept = w.look();
    assertThat(kept.kind()).isEqualTo(DONE);
    assertThat(kept.reason()).isEqualTo(Reason.RolledBack);
    assertThat(w.alias).isEqualTo(Route.single("3"));

    w.candidate = Candidate.ready("5", "hash-5");
    assertThat(w.look().kind()).isEqualTo(START);
    assertThat(w.alias).isEqualTo(Route.split("3", "5", 10));
  }

  @Test
  void withoutAnalysisAStepPassesOnItsPauseAloneAndIsLookedAtOncePerStep() {
    var w = new World(World.linear(40, "2m"));

    var start = w.look();
    assertThat(start.requeue()).isEqualTo(Duration.ofMinutes(2));
    w.pass(Duration.ofMinutes(2));
    assertThat(w.look().kind()).isEqualTo(ADVANCE);
    assertThat(w.alias).isEqualTo(Route.split("3", "4", 80));
    w.pass(Duration.ofMinutes(2));
    assertThat(w.look().kind()).isEqualTo(PROMOTE);
    assertThat(w.reads).isEmpty();
  }

  @Test
  void noRolloutForAllAtOnceOrTheFirstVersion() {
    var allAtOnce = new World(null);
    assertThat(allAtOnce.look().kind()).isEqualTo(NONE);
    assertThat(allAtOnce.alias).isEqualTo(Route.single("4"));

    var first = new World(World.canary(10, "5m"));
    first.alias = null;
    var d = first.look();
    assertThat(d.kind()).isEqualTo(NONE);
    assertThat(d.route()).isNull();
  }

  @Test
  void aStatusWithAnUnreadableStepTimeRestartsThatStepsClock() {
    var w = new World(World.canary(10, "5m", 50, "5m"));
    w.look();
    w.status.setStepStartedAt("yesterday");
    w.pass(Duration.ofMinutes(30));

    var d = w.look();

    assertThat(d.kind()).isEqualTo(HOLD);
    assertThat(w.status.getStepStartedAt()).isEqualTo(w.now.toString());
    assertThat(w.alias).isEqualTo(Route.split("3", "4", 10));
  }

  @Test
  void versionsAwsWillNotSplitAnAliasBetweenNeverGetAnyTrafficAndAllAtOnceShipsThem() {
    var w = analysedCanary();
    var refusal = "version 4 runs as role lmi-fn-new, version 3 as lmi-fn-old";

    var d = w.look(refusal);

    assertThat(d.kind()).isEqualTo(ROLL_BACK);
    assertThat(w.aliasWrites).isZero();
    assertThat(d.message())
        .isEqualTo(
            "rolled back: not started: "
                + refusal
                + "; roll this change out with strategy AllAtOnce (or without spec.rollout)");
    assertThat(w.look(refusal).kind()).isEqualTo(DONE);

    w.spec = null;
    assertThat(w.look(refusal).kind()).isEqualTo(NONE);
    assertThat(w.alias).isEqualTo(Route.single("4"));
  }
}
