package dev.lmi.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** One canary step: the share of traffic the new version takes, and how long it holds it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RolloutStep {

  @JsonPropertyDescription("Percent of the alias's traffic the new version takes (1-99).")
  @Required
  @Min(1)
  @Max(99)
  private Integer weight;

  @JsonPropertyDescription(
      "How long the step holds before the next one (1s-24h), e.g. 30s, 5m, 1h30m.")
  @Required
  @Size(min = 2, max = 18)
  @ValidationRule(value = RolloutRules.DURATION_RULE, message = RolloutRules.DURATION_MESSAGE)
  @ValidationRule(
      value = RolloutRules.DURATION_BOUNDS_RULE,
      messageExpression = "'pause ' + self + ' " + RolloutRules.DURATION_BOUNDS_MESSAGE + "'")
  private String pause;

  public RolloutStep() {}

  public RolloutStep(Integer weight, String pause) {
    this.weight = weight;
    this.pause = pause;
  }

  public Integer getWeight() {
    return weight;
  }

  public void setWeight(Integer weight) {
    this.weight = weight;
  }

  public String getPause() {
    return pause;
  }

  public void setPause(String pause) {
    this.pause = pause;
  }
}
