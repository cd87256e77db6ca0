package dev.lmi.operator.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lmi.operator.api.RolloutSpec;
import dev.lmi.operator.api.RolloutStrategy;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RolloutPlanTest {

  @ParameterizedTest(name = "increment {0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "20 | 20 40 60 80",
        "25 | 25 50 75",
        "30 | 30 60 90",
        "33 | 33 66 99",
        "50 | 50",
        "60 | 60",
        "99 | 99",
        "5 | 5 10 15 20 25 30 35 40 45 50 55 60 65 70 75 80 85 90 95"
      })
  void linearTakesEqualStepsWhileBelowAHundred(int increment, String weights) {
    var plan = RolloutPlan.of(World.linear(increment, "2m"));

    assertThat(plan.steps()).extracting(Step::weight).containsExactlyElementsOf(ints(weights));
    assertThat(plan.steps()).extracting(Step::pause).containsOnly(Duration.ofMinutes(2));
    assertThat(plan.steps().size()).isLessThanOrEqualTo(19);
  }

  @Test
  void canaryTakesTheListedSteps() {
    var plan = RolloutPlan.of(World.canary(10, "5m", 50, "1h30m"));

    assertThat(plan.steps())
        .containsExactly(new Step(10, Duration.ofMinutes(5)), new Step(50, Duration.ofMinutes(90)));
    assertThat(plan.gradual()).isTrue();
    assertThat(plan.analysis()).isNull();
  }

  @Test
  void noneOrAllAtOnceHasNoSteps() {
    var explicit = new RolloutSpec();
    explicit.setStrategy(RolloutStrategy.AllAtOnce);

    assertThat(RolloutPlan.of(null).gradual()).isFalse();
    assertThat(RolloutPlan.of(new RolloutSpec()).gradual()).isFalse();
    assertThat(RolloutPlan.of(explicit).hash()).isEqualTo(RolloutPlan.of(null).hash());
  }

  @Test
  void analysisDefaultsToTwentyInvocationsAndReadsTheRateExactly() {
    var plan =
        RolloutPlan.of(World.analysed(World.canary(10, "5m"), List.of("a", "b"), "0.010", null));

    assertThat(plan.analysis().minInvocations()).isEqualTo(20);
    assertThat(plan.analysis().maxErrorRate()).isEqualByComparingTo(new BigDecimal("0.01"));
    assertThat(plan.analysis().alarms()).containsExactly("a", "b");
  }

  @Test
  void describesItselfAsPlanWillShowIt() {
    var plan =
        RolloutPlan.of(World.analysed(World.canary(10, "5m", 50, "90s"), List.of("x"), "0.01", 20));

    assertThat(plan.describe())
        .isEqualTo(
            "Canary: 10% for 5m, 50% for 1m30s, then 100%; analysis: alarms [x], maxErrorRate"
                + " 0.01, minInvocations 20");
    assertThat(RolloutPlan.of(null).describe()).isEqualTo("AllAtOnce");
  }

  @Test
  void anyChangeOfStepsOrChecksChangesTheHashAndNothingElseDoes() {
    var base = RolloutPlan.of(World.analysed(World.canary(10, "5m"), List.of("x"), "0.01", 20));

    assertThat(
            RolloutPlan.of(World.analysed(World.canary(10, "5m"), List.of("x"), "0.01", 20)).hash())
        .isEqualTo(base.hash());
    assertThat(
            List.of(
                RolloutPlan.of(World.analysed(World.canary(10, "6m"), List.of("x"), "0.01", 20)),
                RolloutPlan.of(World.analysed(World.canary(11, "5m"), List.of("x"), "0.01", 20)),
                RolloutPlan.of(World.analysed(World.canary(10, "5m"), List.of("y"), "0.01", 20)),
                RolloutPlan.of(World.analysed(World.canary(10, "5m"), List.of("x"), "0.02", 20)),
                RolloutPlan.of(World.analysed(World.canary(10, "5m"), List.of("x"), "0.01", 21)),
                RolloutPlan.of(World.canary(10, "5m"))))
        .extracting(RolloutPlan::hash)
        .doesNotContain(base.hash())
        .doesNotHaveDuplicates();
  }

  @Test
  void aSpecThatBypassedTheCrdIsRefusedNamingTheField() {
    var noSteps = new RolloutSpec();
    noSteps.setStrategy(RolloutStrategy.Canary);
    assertThatThrownBy(() -> RolloutPlan.of(noSteps))
        .hasMessage("spec.rollout.steps: strategy Canary needs steps");
    assertThatThrownBy(() -> RolloutPlan.of(World.canary(10, "5 minutes")))
        .hasMessageContaining("\"5 minutes\" is not a duration");
    assertThatThrownBy(
            () -> RolloutPlan.of(World.analysed(World.canary(10, "5m"), null, "lots", 1)))
        .hasMessage("spec.rollout.analysis.maxErrorRate: \"lots\" is not a decimal");
    var noLinear = new RolloutSpec();
    noLinear.setStrategy(RolloutStrategy.Linear);
    assertThatThrownBy(() -> RolloutPlan.of(noLinear))
        .hasMessageStartingWith("spec.rollout.linear:");
  }

  private static List<Integer> ints(String text) {
    return Arrays.stream(text.split(" ")).map(Integer::valueOf).toList();
  }
}
