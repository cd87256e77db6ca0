package dev.lmi.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** Equal steps: increment, 2 × increment, ... percent while below 100, then all traffic. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LinearRollout {

  @JsonPropertyDescription(
      "Percent added at each step (5-99): 20 gives 20, 40, 60, 80 %, then all. At least 5, so"
          + " that a rollout has at most 19 steps.")
  @Required
  @Min(5)
  @Max(99)
  private Integer increment;

  @JsonPropertyDescription("How long each step holds (1s-24h), e.g. 30s, 2m, 1h.")
  @Required
  @Size(min = 2, max = 18)
  @ValidationRule(value = RolloutRules.DURATION_RULE, message = RolloutRules.DURATION_MESSAGE)
  @ValidationRule(
      value = RolloutRules.DURATION_BOUNDS_RULE,
      messageExpression = "'interval ' + self + ' " + RolloutRules.DURATION_BOUNDS_MESSAGE + "'")
  private String interval;

  public LinearRollout() {}

  public LinearRollout(Integer increment, String interval) {
    this.increment = increment;
    this.interval = interval;
  }

  public Integer getIncrement() {
    return increment;
  }

  public void setIncrement(Integer increment) {
    this.increment = increment;
  }

  public String getInterval() {
    return interval;
  }

  public void setInterval(String interval) {
    this.interval = interval;
  }
}
