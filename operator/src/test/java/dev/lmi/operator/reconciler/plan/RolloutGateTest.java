package dev.lmi.operator.reconciler.plan;

import static dev.lmi.operator.reconciler.plan.Fixtures.PACE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lmi.operator.api.LmiFunction;
import dev.lmi.operator.testing.RolloutSpecs;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Whether a version's way onto the alias is a rollout's: version 3 serves the alias. */
class RolloutGateTest {
  private final LmiFunction fn = Fixtures.function();

  private RolloutGate gate() {
    return new RolloutGate(Fixtures.desired(fn), PACE, null);
  }

  @Test
  void aNewVersionRollsOutWhenSpecRolloutHasSteps() {
    fn.getSpec().setRollout(RolloutSpecs.canary(10, "5m"));
    var r = Fixtures.converged(Fixtures.desired(fn), "3");

    assertThat(gate().applies(r, VersionRef.of("4"))).isTrue();
    assertThat(gate().applies(r, VersionRef.planned("4"))).isTrue();
    assertThat(gate().applies(r, VersionRef.of("3"))).isFalse();
  }

  @Test
  void withoutStepsANewVersionTakesTheAliasAtOnce() {
    var r = Fixtures.converged(Fixtures.desired(fn), "3");

    assertThat(gate().applies(r, VersionRef.of("4"))).isFalse();
  }

  @Test
  void aRolloutUnderWayStaysARolloutEvenOnceStepsAreRemovedFromTheSpec() {
    fn.getSpec().setRollout(RolloutSpecs.canary(10, "5m"));
    var d = Fixtures.desired(fn);
    var r = Fixtures.atStepOne(d, Fixtures.owner(fn), Instant.parse("2026-12-01T12:00:30Z"));
    fn.getSpec().setRollout(null);

    assertThat(gate().applies(r, VersionRef.of("4"))).isTrue();
  }
}
