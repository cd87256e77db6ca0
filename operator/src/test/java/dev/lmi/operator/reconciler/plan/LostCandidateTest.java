package dev.lmi.operator.reconciler.plan;

import static dev.lmi.operator.reconciler.plan.Fixtures.version;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lmi.operator.api.LmiFunction;
import dev.lmi.operator.api.RolloutPhase;
import dev.lmi.operator.aws.VersionView;
import dev.lmi.operator.reconciler.plan.FunctionAction.Wait;
import dev.lmi.operator.rollout.Command;
import dev.lmi.operator.status.Outcome;
import dev.lmi.operator.status.Reason;
import dev.lmi.operator.testing.RolloutSpecs;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A rollout whose candidate is gone: version 3 serves the alias, version 4 took step 1 (10 %) of
 * Canary 10 % then 50 %, 5 minutes each.
 */
class LostCandidateTest {
  private static final Instant T0 = Instant.parse("2026-12-01T12:00:30Z");
  private final LmiFunction fn = Fixtures.function();
  private final Owner owner = Fixtures.owner(fn);
  private final FunctionDesired d;
  private final FunctionRecord atStepOne;

  LostCandidateTest() {
    fn.getSpec().setRollout(RolloutSpecs.canary(10, "5m", 50, "5m"));
    d = Fixtures.desired(fn);
    atStepOne = Fixtures.atStepOne(d, owner, T0);
  }

  private static List<String> types(Path<FunctionAction, FunctionRecord> p) {
    return p.decision(null).actions().stream().map(PlannedAction::type).toList();
  }

  private FunctionObservation split() {
    return FunctionObservation.none(true).withAlias(Seen.of(Fixtures.split(10)));
  }

  @Test
  void aNewSpecTakesTheCanaryOffTheAliasAndStartsAgainFromTheStableVersion() {
    fn.getSpec().getCode().getS3().setObjectVersion("7");
    var next = Fixtures.desired(fn);
    var p = new Path<FunctionAction, FunctionRecord>(atStepOne);

    new LostCandidate(next, T0.plusSeconds(90), Command.NONE).superseded(p, split());

    assertThat(types(p)).containsExactly("PointAlias", "Announce");
    var s = p.record().rollout();
    assertThat(s.step()).isZero();
    assertThat(s.stableVersion()).isEqualTo("3");
    assertThat(s.candidateHash()).isEqualTo(next.configHash());
    assertThat(p.record().served().aliasVersion()).isEqualTo("3");
  }

  @Test
  void theSameSpecIsLeftToItsStepsWithoutReadingTheAlias() {
    var p = new Path<FunctionAction, FunctionRecord>(atStepOne);

    new LostCandidate(d, T0.plusSeconds(90), Command.NONE)
        .superseded(p, FunctionObservation.none(true));

    assertThat(types(p)).isEmpty();
    assertThat(p.record()).isEqualTo(atStepOne);
  }

  @Test
  void aVersionThatFailedToStartEndsTheRolloutWithAwsReasonAndTheAliasOnTheStableVersion() {
    var r = atStepOne.published(version("5", "Pending"), d.configHash()).versionState("Failed");
    var failed =
        new VersionView(
            "5", "Failed", "FunctionError.InitResourceExhausted", "out of memory", "sha");
    var p = new Path<FunctionAction, FunctionRecord>(r);

    new LostCandidate(d, T0.plusSeconds(90), Command.NONE)
        .failed(p, split().withVersion(Seen.of(failed)));

    assertThat(types(p)).startsWith("PointAlias");
    var s = p.record().rollout();
    assertThat(s.phase()).isEqualTo(RolloutPhase.RolledBack);
    assertThat(s.message())
        .isEqualTo(
            "rolled back: version 5 failed: FunctionError.InitResourceExhausted: out of memory");
  }

  @Test
  void aProjectionDecidesNothingAboutAFailure() {
    var p = new Path<FunctionAction, FunctionRecord>(atStepOne);
    p.add(new Wait(Outcome.waiting(Reason.Publishing, "a version starts", Duration.ofSeconds(5))));

    new LostCandidate(d, T0.plusSeconds(90), Command.NONE)
        .failed(p, FunctionObservation.none(true));

    assertThat(types(p)).containsExactly("Wait");
  }
}
