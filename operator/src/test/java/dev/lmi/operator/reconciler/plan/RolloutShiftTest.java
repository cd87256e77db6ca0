package dev.lmi.operator.reconciler.plan;

import static dev.lmi.operator.reconciler.plan.Fixtures.PACE;
import static dev.lmi.operator.reconciler.plan.Fixtures.settled;
import static dev.lmi.operator.reconciler.plan.Fixtures.version;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lmi.operator.api.LmiFunction;
import dev.lmi.operator.api.RolloutPhase;
import dev.lmi.operator.api.ScalingScheduleSpec;
import dev.lmi.operator.aws.AliasView;
import dev.lmi.operator.aws.InvocationCounts;
import dev.lmi.operator.capacity.CapacityBudget;
import dev.lmi.operator.capacity.ProviderCapacity;
import dev.lmi.operator.reconciler.plan.FunctionPlan.Read;
import dev.lmi.operator.rollout.Command;
import dev.lmi.operator.rollout.Readings;
import dev.lmi.operator.schedule.Schedules;
import dev.lmi.operator.status.Reason;
import dev.lmi.operator.testing.RolloutSpecs;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A rollout as planned steps, one reconcile per test: version 3 serves the alias, version 4 of the
 * spec is Active, and spec.rollout is Canary 10 % then 50 %, 5 minutes each.
 */
class RolloutShiftTest {
  private static final Instant T0 = Instant.parse("2026-12-01T12:00:30Z");
  private final LmiFunction fn = Fixtures.function();
  private final Owner owner = Fixtures.owner(fn);
  private FunctionDesired d;

  RolloutShiftTest() {
    fn.getSpec().setRollout(RolloutSpecs.canary(10, "5m", 50, "5m"));
    d = Fixtures.desired(fn);
  }

  private Decision<FunctionAction, Read, FunctionRecord> decide(
      FunctionRecord r, FunctionObservation o, Instant now, Command command) {
    return new FunctionPlan(d, owner, PACE, now, command).decide(r, o);
  }

  private Decision<FunctionAction, Read, FunctionRecord> decide(
      FunctionRecord r, FunctionObservation o, Instant now) {
    return decide(r, o, now, Command.NONE);
  }

  /** Version 4 of this spec is published and Active; the alias serves version 3. */
  private FunctionRecord fourActive() {
    return Fixtures.converged(d, "3").published(version("4", "Active"), d.configHash());
  }

  private FunctionRecord fourScaled() {
    return fourActive().scaling("4", settled(3, 4), true);
  }

  private FunctionObservation seen(AliasView alias) {
    return FunctionObservation.none(true)
        .withFunction(Seen.of(Fixtures.latest(d, owner)))
        .withAlias(Seen.of(alias))
        .withScaling(Seen.of(settled(3, 4)))
        .withStable(Seen.of(stable(d.settings().roleArn())));
  }

  private static dev.lmi.operator.aws.VersionView stable(String role) {
    return new dev.lmi.operator.aws.VersionView("3", "Active", null, null, "sha", null, role, null);
  }

  private static AliasView split(int weight) {
    return new AliasView("live", Fixtures.ARN + ":live", "3", Map.of("4", weight / 100.0));
  }

  private static List<String> now(Decision<FunctionAction, ?, ?> decision) {
    return decision.now().stream().map(PlannedAction::type).toList();
  }

  private static List<String> steps(Decision<FunctionAction, ?, ?> decision) {
    return decision.actions().stream().map(PlannedAction::text).toList();
  }

  /** Step 1 started at T0 from a plan decision, as the status then holds it. */
  private FunctionRecord atStepOne() {
    return decide(fourScaled(), seen(Fixtures.alias("3")), T0).record();
  }

  @Test
  void theNewVersionGetsItsScalingBeforeAnyTraffic() {
    var o =
        FunctionObservation.none(true)
            .withFunction(Seen.of(Fixtures.latest(d, owner)))
            .withAlias(Seen.of(Fixtures.alias("3")));

    var decision = decide(fourActive(), o, T0);

    assertThat(steps(decision))
        .containsExactly(
            "put scaling on 4 (min 3, max 4)",
            "wait: AWS is applying the scaling of version 4 before its rollout;"
                + " all traffic on version 3");
    assertThat(decision.stop().reason()).isEqualTo(Reason.RollingOut);
  }

  @Test
  void aScaledVersionTakesTheFirstStepsWeightAndWaitsForThePause() {
    var decision = decide(fourScaled(), seen(Fixtures.alias("3")), T0);

    assertThat(now(decision)).containsExactly("RouteAlias", "Announce");
    assertThat(steps(decision).get(0))
        .isEqualTo("route alias live: 10% to version 4, 90% to version 3");
    assertThat(decision.stop().reason()).isEqualTo(Reason.RollingOut);
    assertThat(decision.stop().message())
        .isEqualTo("step 1 of 2: version 4 takes 10% (stable 3); 5m pause until 12:05:30 UTC");
    assertThat(decision.stop().requeue()).isEqualTo(Duration.ofMinutes(5));
    var s = decision.record().rollout();
    assertThat(s.phase()).isEqualTo(RolloutPhase.Progressing);
    assertThat(s.step()).isEqualTo(1);
    assertThat(s.stepStartedAt()).isEqualTo(T0);
    assertThat(decision.record().served().aliasVersion()).isEqualTo("3");
  }

  @Test
  void aPauseUnderWayWritesNothingAndLooksAgainWhenItEnds() {
    var r = atStepOne();

    var decision = decide(r, seen(split(10)), T0.plus(Duration.ofMinutes(2)));

    assertThat(decision.writes()).isFalse();
    assertThat(now(decision)).isEmpty();
    assertThat(decision.stop().requeue()).isEqualTo(Duration.ofMinutes(3));
    assertThat(decision.record()).isEqualTo(r);
  }

  @Test
  void aStepWhosePauseIsOverAdvancesThenTheLastPromotesAndScalesTheOldStableVersionToZero() {
    var second = decide(atStepOne(), seen(split(10)), T0.plus(Duration.ofMinutes(5)));
    assertThat(steps(second).get(0))
        .isEqualTo("route alias live: 50% to version 4, 50% to version 3");
    assertThat(second.record().rollout().step()).isEqualTo(2);

    var later = T0.plus(Duration.ofMinutes(10));
    assertThat(decide(second.record(), seen(split(50)), later).needs()).isEqualTo(Read.VERSIONS);
    var listed = List.of(version("3", "Active"), version("4", "Active"));
    var done = decide(second.record(), seen(split(50)).withVersions(Seen.of(listed)), later);

    assertThat(steps(done))
        .containsExactly(
            "move alias live 3 → 4",
            "event RolloutSucceeded: version 4 takes all traffic: all 2 steps passed",
            "scale retained version 3 to zero (deactivated until an alias needs it)");
    assertThat(done.stop().isReady()).isTrue();
    assertThat(done.record().rollout().phase()).isEqualTo(RolloutPhase.Succeeded);
    assertThat(done.record().served().aliasVersion()).isEqualTo("4");
  }

  @Test
  void anAliasThatDriftedFromTheStepIsPutBack() {
    var decision = decide(atStepOne(), seen(Fixtures.alias("3")), T0.plusSeconds(30));

    assertThat(now(decision)).containsExactly("RouteAlias");
  }

  @Test
  void anErrorRateAboveTheThresholdRollsBackWithTheFigures() {
    fn.getSpec()
        .setRollout(
            RolloutSpecs.analysed(RolloutSpecs.canary(10, "5m", 50, "5m"), List.of(), "0.01", 20));
    d = Fixtures.desired(fn);
    var r = atStepOne();
    var later = T0.plus(Duration.ofMinutes(1));
    var o = seen(split(10));
    assertThat(decide(r, o, later).needs()).isEqualTo(Read.ANALYSIS);
    var asked = new FunctionPlan(d, owner, PACE, later, Command.NONE).analysisRequest(r, o);
    assertThat(asked.version()).isEqualTo("4");
    assertThat(asked.from()).isEqualTo(T0);
    assertThat(asked.to()).isEqualTo(later);

    var counts = new InvocationCounts("4", 60, 5, Instant.parse("2026-12-01T12:00:00Z"), later);
    var decision = decide(r, o.withReadings(new Readings(List.of(), counts)), later);

    assertThat(now(decision)).containsExactly("PointAlias", "Announce", "Deactivate");
    assertThat(steps(decision).get(0))
        .isEqualTo("route alias live to version 3 alone (drop weighted routing)");
    assertThat(decision.stop().reason()).isEqualTo(Reason.RolledBack);
    assertThat(decision.stop().message())
        .isEqualTo(
            "rolled back: error rate 0.0833 (5 errors / 60 invocations of version 4 since"
                + " 12:00:00 UTC) above maxErrorRate 0.01");
    assertThat(decision.record().rollout().phase()).isEqualTo(RolloutPhase.RolledBack);
  }

  @Test
  void aRolledBackVersionStaysOffTheAliasAndAsleepUntilTheSpecChanges() {
    var aborted = decide(atStepOne(), seen(split(10)), T0.plusSeconds(60), Command.ABORT);
    assertThat(now(aborted))
        .containsExactly("PointAlias", "Announce", "ClearCommand", "Deactivate");
    assertThat(steps(aborted).get(3))
        .isEqualTo("scale retained version 4 to zero (deactivated until an alias needs it)");
    assertThat(aborted.record().rollout().phase()).isEqualTo(RolloutPhase.Aborted);

    var asleep = seen(Fixtures.alias("3")).withVersion(Seen.of(version("4", "Deactivated")));
    var later = decide(aborted.record(), asleep, T0.plus(Duration.ofHours(1)));

    assertThat(later.writes()).isFalse();
    assertThat(now(later)).isEmpty();
    assertThat(later.stop().reason()).isEqualTo(Reason.RolledBack);
  }

  @Test
  void aSpecChangeMidRolloutTakesTheCanaryOffTheAliasBeforeChangingTheCode() {
    var r = atStepOne();
    var old = Fixtures.latest(d, owner);
    fn.getSpec().getCode().getS3().setObjectVersion("7");
    d = Fixtures.desired(fn);
    var o = FunctionObservation.none(true).withFunction(Seen.of(old)).withAlias(Seen.of(split(10)));

    var decision = decide(r, o, T0.plusSeconds(90));

    assertThat(now(decision)).containsExactly("PointAlias", "Announce", "UpdateCode");
    var s = decision.record().rollout();
    assertThat(s.step()).isZero();
    assertThat(s.stableVersion()).isEqualTo("3");
    assertThat(s.candidateHash()).isEqualTo(d.configHash());
  }

  @Test
  void planShowsARolloutAsItsSteps() {
    var r = Fixtures.converged(d, "3");
    var old = Fixtures.latest(d, owner);
    fn.getSpec().getCode().getS3().setObjectVersion("7");
    d = Fixtures.desired(fn);
    var o = FunctionObservation.none(true).withFunction(Seen.of(old));

    var decision = decide(r, o, T0);

    assertThat(steps(decision))
        .containsSubsequence(
            "publish version 4",
            "put scaling on 4 (min 3, max 4)",
            "route alias live: 10% to version 4, 90% to version 3 for 5m",
            "wait: rollout step 1 of 2 holds for 5m",
            "route alias live: 50% to version 4, 50% to version 3 for 5m",
            "wait: rollout step 2 of 2 holds for 5m",
            "move alias live 3 → 4");
  }

  @Test
  void planOfASuspendedFunctionListsNoRolloutStepsAndSaysTheRolloutWaitsForItToResume() {
    var r = Fixtures.converged(d, "3");
    var old = Fixtures.latest(d, owner);
    fn.getSpec().getCode().getS3().setObjectVersion("7");
    fn.getSpec().setSuspend(true);
    d = inForceAt(T0);

    var decision = decide(r, FunctionObservation.none(true).withFunction(Seen.of(old)), T0);

    assertThat(steps(decision))
        .containsExactly(
            "update code: s3://artifacts/orders/handler.jar?versionId=1 →"
                + " s3://artifacts/orders/handler.jar?versionId=7",
            "wait: applying new code",
            "publish version 4",
            "wait: version 4 is Pending while its execution environments start",
            "scale retained version 4 to zero (deactivated until an alias needs it)",
            "put scaling on 3 (min 0, max 0)");
    assertThat(decision.outcome().isReady()).isTrue();
    assertThat(decision.outcome().message())
        .isEqualTo(
            "alias live serves version 3 at zero; version 4 is rolled out when the function"
                + " resumes");
  }

  @Test
  void planInAZeroScheduleWindowLeavesTheStableVersionAtZeroAndListsNoRolloutSteps() {
    var r = Fixtures.converged(d, "3").scaling("3", settled(0, 0), true);
    var old = Fixtures.latest(d, owner);
    fn.getSpec().getCode().getS3().setObjectVersion("7");
    var nights = new ScalingScheduleSpec();
    nights.setName("nights");
    nights.setCron("0 20 * * *");
    nights.setMinExecutionEnvironments(0);
    nights.setMaxExecutionEnvironments(0);
    fn.getSpec().getScaling().setSchedules(List.of(nights));
    var night = Instant.parse("2026-12-01T21:00:00Z");
    d = inForceAt(night);

    var decision = decide(r, FunctionObservation.none(true).withFunction(Seen.of(old)), night);

    assertThat(steps(decision))
        .containsSubsequence(
            "publish version 4",
            "scale retained version 4 to zero (deactivated until an alias needs it)")
        .noneMatch(step -> step.startsWith("route alias") || step.startsWith("put scaling"));
    assertThat(decision.outcome().message()).endsWith("is rolled out when the function resumes");
  }

  @Test
  void suspendWithANewSpecMidRolloutAbortsTheNewRolloutNamingTheVersionItWaitsFor() {
    var r = atStepOne();
    var old = Fixtures.latest(d, owner);
    fn.getSpec().getCode().getS3().setObjectVersion("7");
    fn.getSpec().setSuspend(true);
    d = inForceAt(T0);
    var o = FunctionObservation.none(true).withFunction(Seen.of(old)).withAlias(Seen.of(split(10)));

    var decision = decide(r, o, T0.plusSeconds(90));

    assertThat(steps(decision))
        .containsSubsequence(
            "route alias live to version 3 alone (drop weighted routing)",
            "publish version 5",
            "event RolloutAborted: aborted because the function was scaled to zero (spec.suspend"
                + " or a schedule's zero window), before step 1; version 5 is rolled out again"
                + " from the first step when it resumes",
            "scale retained version 5 to zero (deactivated until an alias needs it)",
            "put scaling on 3 (min 0, max 0)")
        .noneMatch(step -> step.startsWith("route alias live:"));
  }

  /** The desired state with the scaling the spec puts in force at {@code at}, as plan has it. */
  private FunctionDesired inForceAt(Instant at) {
    var e = Schedules.effectiveScaling(fn.getSpec(), at);
    return Fixtures.desired(fn)
        .withScaling(e.minExecutionEnvironments(), e.maxExecutionEnvironments());
  }

  @Test
  void aRolloutTheProviderCannotHoldNextToTheStableVersionWaitsForRoomBeforePublishing() {
    var r = Fixtures.converged(d, "3");
    fn.getSpec().getCode().getS3().setObjectVersion("7");
    var o = FunctionObservation.none(true);
    d = FunctionDesired.of(fn, Fixtures.PROVIDER_ARN, 5, owner.tag());
    var refused = decide(r, o.withFunction(Seen.of(Fixtures.latest(d, owner))), T0);

    assertThat(refused.actions()).isEmpty();
    assertThat(refused.stop().reason()).isEqualTo(Reason.CapacityExceeded);
    assertThat(refused.stop().requeue()).isEqualTo(Duration.ofSeconds(30));
    assertThat(refused.stop().message())
        .isEqualTo(
            "rollout waits for room: the new version needs 3 vCPUs (3 environments × 1 vCPUs)"
                + " next to version 3's 3 during the rollout, but capacity provider orders-pool"
                + " has 2 of its maxVCpuCount 5 free: raise maxVCpuCount to at least 6 or lower"
                + " scaling.minExecutionEnvironments, or move the function to another provider");

    d = FunctionDesired.of(fn, Fixtures.PROVIDER_ARN, 6, owner.tag());
    var fits = decide(r, o.withFunction(Seen.of(Fixtures.latest(d, owner))), T0);
    assertThat(now(fits)).containsExactly("Publish");
  }

  @Test
  void aNewRoleCannotShareTheAliasSoTheRolloutEndsBeforeAnyTrafficMoves() {
    var o = seen(Fixtures.alias("3")).withStable(Seen.unknown());
    assertThat(decide(fourScaled(), o, T0).needs()).isEqualTo(Read.STABLE);
    var old = stable("arn:aws:iam::123456789012:role/old");

    var decision = decide(fourScaled(), o.withStable(Seen.of(old)), T0);

    assertThat(now(decision)).containsExactly("Announce", "Deactivate");
    assertThat(decision.stop().reason()).isEqualTo(Reason.RolledBack);
    assertThat(decision.stop().message())
        .startsWith(
            "rolled back: not started: version 3 runs as arn:aws:iam::123456789012:role/old")
        .contains("same execution role", "strategy AllAtOnce");
  }

  @Test
  void aRolloutWaitsForRoomCountingWhatTheOtherFunctionsOnTheProviderHold() {
    var r = Fixtures.converged(d, "3");
    fn.getSpec().getCode().getS3().setObjectVersion("7");
    d = Fixtures.desired(fn);
    var o = FunctionObservation.none(true).withFunction(Seen.of(Fixtures.latest(d, owner)));
    var others = new ProviderCapacity(10, 20L, 15, 2, 2);

    var full =
        new FunctionPlan(d, owner, PACE, T0, Command.NONE)
            .within(new ProviderRoom("orders-pool", others))
            .decide(r, o);

    assertThat(full.actions()).isEmpty();
    assertThat(full.stop().reason()).isEqualTo(Reason.CapacityExceeded);
    assertThat(full.stop().message())
        .contains(
            "capacity provider orders-pool has 2 of its maxVCpuCount 15 free: raise"
                + " maxVCpuCount to at least 16");
    var roomy = new ProviderCapacity(10, 20L, 16, 2, 2);
    var fits =
        new FunctionPlan(d, owner, PACE, T0, Command.NONE)
            .within(new ProviderRoom("orders-pool", roomy))
            .decide(r, o);
    assertThat(now(fits)).containsExactly("Publish");
  }

  @Test
  void theCanaryCountsInTheFunctionsHoldingsNextToTheStableVersion() {
    var held = CapacityBudget.function(Holdings.function(d.name(), atStepOne(), d));

    assertThat(held.warmVersions()).isEqualTo(2);
    assertThat(held.vCpuAtMin()).isEqualTo(6);
  }

  @Test
  void aRollbackOntoADeactivatedStableVersionWakesItBeforeTheAliasMovesBack() {
    var asleep = seen(split(10)).withStable(Seen.of(version("3", "Deactivated")));
    var aborting = decide(atStepOne(), asleep, T0.plusSeconds(60), Command.ABORT);

    assertThat(steps(aborting))
        .containsExactly(
            "event RolloutAborted: aborted by the lmi.dev/rollout=abort annotation at step 1 of 2:"
                + " version 4 takes 10% (stable 3); all traffic is back on version 3",
            "remove the annotation lmi.dev/rollout (abort)",
            "put scaling on 3 (min 3, max 4)",
            "wait: version 3 is Deactivated: it starts its execution environments again before"
                + " it takes all traffic again");
    assertThat(aborting.record().rollout().phase()).isEqualTo(RolloutPhase.Aborted);

    var starting = seen(split(10)).withStable(Seen.of(version("3", "Pending")));
    var waiting = decide(aborting.record(), starting, T0.plusSeconds(70));
    assertThat(waiting.writes()).isFalse();
    assertThat(waiting.stop().reason()).isEqualTo(Reason.RollingOut);

    var awake = seen(split(10)).withStable(Seen.of(version("3", "Active")));
    var back = decide(aborting.record(), awake, T0.plusSeconds(80));
    assertThat(now(back)).containsExactly("PointAlias", "Deactivate");
    assertThat(back.stop().reason()).isEqualTo(Reason.RolledBack);
  }

  @Test
  void suspendMidRolloutAbortsItAndScalesBothVersionsToZeroThenRollsOutAgainOnResume() {
    var running = atStepOne();
    var base = d;
    d = d.withScaling(0, 0);
    var live = seen(split(10)).withStable(Seen.of(version("3", "Active")));

    var suspended = decide(running, live, T0.plusSeconds(60));

    assertThat(steps(suspended))
        .containsExactly(
            "route alias live to version 3 alone (drop weighted routing)",
            "event RolloutAborted: aborted because the function was scaled to zero (spec.suspend"
                + " or a schedule's zero window), at step 1 of 2: version 4 takes 10% (stable 3);"
                + " version 4 is rolled out again from the first step when it resumes",
            "scale retained version 4 to zero (deactivated until an alias needs it)",
            "put scaling on 3 (min 0, max 0)");
    assertThat(suspended.stop().isReady()).isTrue();
    assertThat(suspended.record().rollout().phase()).isEqualTo(RolloutPhase.Aborted);

    var zero =
        seen(Fixtures.alias("3"))
            .withVersion(Seen.of(version("4", "Deactivated")))
            .withStable(Seen.of(version("3", "Deactivated")));
    var still = decide(suspended.record(), zero, T0.plus(Duration.ofHours(1)));
    assertThat(still.writes()).isFalse();
    assertThat(still.stop().isReady()).isTrue();

    d = base;
    var resumed = decide(suspended.record(), zero, T0.plus(Duration.ofHours(2)));
    assertThat(steps(resumed).get(0)).isEqualTo("put scaling on 4 (min 3, max 4)");
    assertThat(resumed.stop().reason()).isEqualTo(Reason.Publishing);

    var canaryUp = seen(Fixtures.alias("3")).withStable(Seen.of(version("3", "Deactivated")));
    var scaled = resumed.record().versionState("Active").scaling("4", settled(3, 4), true);
    var stableUp = decide(scaled, canaryUp, T0.plus(Duration.ofHours(2)));
    assertThat(steps(stableUp))
        .containsExactly(
            "put scaling on 3 (min 3, max 4)",
            "wait: version 3 is Deactivated: it starts its execution environments again before"
                + " the rollout starts");

    var bothUp = seen(Fixtures.alias("3")).withStable(Seen.of(version("3", "Active")));
    var started = decide(scaled, bothUp, T0.plus(Duration.ofHours(2)));
    assertThat(steps(started).get(0))
        .isEqualTo("route alias live: 10% to version 4, 90% to version 3");
    assertThat(started.record().rollout().phase()).isEqualTo(RolloutPhase.Progressing);
  }
}
