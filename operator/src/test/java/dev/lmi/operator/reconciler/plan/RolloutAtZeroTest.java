package dev.lmi.operator.reconciler.plan;

import static dev.lmi.operator.reconciler.plan.Fixtures.PACE;
import static dev.lmi.operator.reconciler.plan.Fixtures.settled;
import static dev.lmi.operator.reconciler.plan.Fixtures.version;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lmi.operator.api.LmiFunction;
import dev.lmi.operator.api.RolloutPhase;
import dev.lmi.operator.reconciler.plan.FunctionAction.Wait;
import dev.lmi.operator.status.Outcome;
import dev.lmi.operator.status.Reason;
import dev.lmi.operator.testing.RolloutSpecs;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A function at zero with a new version to roll out: version 3 serves the alias, version 4 took
 * step 1 (10 %) of Canary 10 % then 50 %.
 */
class RolloutAtZeroTest {
  private static final Instant T0 = Instant.parse("2026-12-01T12:00:30Z");
  private final LmiFunction fn = Fixtures.function();
  private final FunctionDesired d;
  private final FunctionRecord atStepOne;
  private final RolloutAtZero suspended;

  RolloutAtZeroTest() {
    fn.getSpec().setRollout(RolloutSpecs.canary(10, "5m", 50, "5m"));
    d = Fixtures.desired(fn);
    atStepOne = Fixtures.atStepOne(d, Fixtures.owner(fn), T0);
    suspended = new RolloutAtZero(d.withScaling(0, 0), PACE);
  }

  private static List<String> types(Path<FunctionAction, FunctionRecord> p) {
    return p.decision(null).actions().stream().map(PlannedAction::type).toList();
  }

  private static Path<FunctionAction, FunctionRecord> projecting(FunctionRecord r) {
    var p = new Path<FunctionAction, FunctionRecord>(r);
    p.add(new Wait(Outcome.waiting(Reason.Updating, "applying new code", Duration.ofSeconds(5))));
    return p;
  }

  @Test
  void notAtZeroTheRolloutGoesOnAndNothingIsDecidedHere() {
    var p = new Path<FunctionAction, FunctionRecord>(atStepOne);

    var decision =
        new RolloutAtZero(d, PACE).decide(p, FunctionObservation.none(true), ref("4"), T0);

    assertThat(decision).isNull();
    assertThat(types(p)).isEmpty();
  }

  @Test
  void atZeroMidRolloutTheAliasGoesBackTheRolloutIsAbortedAndBothVersionsSleep() {
    var live =
        FunctionObservation.none(true)
            .withAlias(Seen.of(Fixtures.split(10)))
            .withStable(Seen.of(version("3", "Active")));
    var p = new Path<FunctionAction, FunctionRecord>(atStepOne);

    var decision = suspended.decide(p, live, ref("4"), T0.plusSeconds(60));

    assertThat(types(p)).containsExactly("PointAlias", "Announce", "Deactivate", "PutScaling");
    assertThat(decision.outcome().isReady()).isTrue();
    assertThat(decision.outcome().message())
        .isEqualTo(
            "alias live serves version 3 at zero; version 4 is rolled out when the function"
                + " resumes");
    assertThat(decision.record().rollout().phase()).isEqualTo(RolloutPhase.Aborted);
  }

  @Test
  void aProjectionReadsNothingAndTakesTheSplitFromTheRolloutOnRecord() {
    var p = projecting(atStepOne);

    suspended.decide(p, FunctionObservation.none(true), ref("4"), T0.plusSeconds(60));

    assertThat(types(p))
        .containsExactly("Wait", "PointAlias", "Announce", "Deactivate", "PutScaling");
  }

  @Test
  void aProjectionLeavesAStableVersionTheRecordHasAtZero() {
    var p = projecting(atStepOne.scaling("3", settled(0, 0), true));

    suspended.decide(p, FunctionObservation.none(true), ref("4"), T0.plusSeconds(60));

    assertThat(types(p)).containsExactly("Wait", "PointAlias", "Announce", "Deactivate");
  }

  @Test
  void theVersionTheAliasServesIsNoRolloutToHoldBack() {
    var p = new Path<FunctionAction, FunctionRecord>(Fixtures.converged(d, "3"));

    assertThat(suspended.decide(p, FunctionObservation.none(true), ref("3"), T0)).isNull();
  }

  private static VersionRef ref(String number) {
    return VersionRef.of(number);
  }
}
