package dev.lmi.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** How a new version takes the alias's traffic: at once, in listed steps, or in equal steps. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "!has(self.steps) || " + RolloutRules.STRATEGY_IS + "'Canary'",
    message = "steps are for strategy Canary: set strategy: Canary, or remove steps",
    fieldPath = ".steps")
@ValidationRule(
    value = "!(" + RolloutRules.STRATEGY_IS + "'Canary') || has(self.steps)",
    message =
        "strategy Canary needs steps, e.g. [{weight: 10, pause: 5m}, {weight: 50, pause: 5m}]",
    fieldPath = ".steps")
@ValidationRule(
    value = "!has(self.linear) || " + RolloutRules.STRATEGY_IS + "'Linear'",
    message = "linear is for strategy Linear: set strategy: Linear, or remove linear",
    fieldPath = ".linear")
@ValidationRule(
    value = "!(" + RolloutRules.STRATEGY_IS + "'Linear') || has(self.linear)",
    message = "strategy Linear needs linear, e.g. {increment: 20, interval: 2m}",
    fieldPath = ".linear")
@ValidationRule(
    value =
        "!has(self.analysis) || "
            + RolloutRules.STRATEGY_IS
            + "'Canary' || "
            + RolloutRules.STRATEGY_IS
            + "'Linear'",
    message = "analysis is for strategies Canary and Linear: AllAtOnce moves all traffic at once",
    fieldPath = ".analysis")
public class RolloutSpec {

  @JsonPropertyDescription(
      "AllAtOnce: the new version takes all traffic once Active. Canary: the weights of steps."
          + " Linear: equal steps of linear.increment.")
  @Default(RolloutRules.DEFAULT_STRATEGY)
  private RolloutStrategy strategy;

  @JsonPropertyDescription(
      "Canary only: the new version's weights in strictly increasing order (1-99 %), each held"
          + " for its pause; after the last, all traffic (at most 20 steps).")
  @Size(min = 1, max = RolloutRules.MAX_STEPS)
  @ValidationRule(
      value = RolloutRules.STEPS_INCREASING_RULE,
      messageExpression = RolloutRules.STEPS_INCREASING_MESSAGE)
  private List<RolloutStep> steps;

  @JsonPropertyDescription("Linear only: the increment and how long each step holds.")
  private LinearRollout linear;

  @JsonPropertyDescription(
      "Checks at every step (Canary and Linear): alarms, error rate, invocations. Without it a"
          + " step passes when its pause is over.")
  private RolloutAnalysis analysis;

  public RolloutStrategy getStrategy() {
    return strategy;
  }

  public void setStrategy(RolloutStrategy strategy) {
    this.strategy = strategy;
  }

  public List<RolloutStep> getSteps() {
    return steps;
  }

  public void setSteps(List<RolloutStep> steps) {
    this.steps = steps;
  }

  public LinearRollout getLinear() {
    return linear;
  }

  public void setLinear(LinearRollout linear) {
    this.linear = linear;
  }

  public RolloutAnalysis getAnalysis() {
    return analysis;
  }

  public void setAnalysis(RolloutAnalysis analysis) {
    this.analysis = analysis;
  }
}
