package dev.lmi.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** What each step checks before the next: CloudWatch alarms and the new version's error rate. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RolloutAnalysis {

  @JsonPropertyDescription(
      "CloudWatch alarm names (metric or composite, in the function's region; at most 10): any"
          + " in ALARM during the rollout rolls it back, and so does a name that matches no alarm.")
  @Size(max = RolloutRules.MAX_ALARMS)
  @ValidationRule(value = RolloutRules.ALARMS_UNIQUE_RULE, message = "alarms names an alarm twice")
  private List<@Size(min = 1, max = 255) @Pattern("^[^\\x00-\\x1F\\x7F]*$") String> alarms;

  @JsonPropertyDescription(
      "Highest error rate of the new version (Errors / Invocations of its ExecutedVersion since"
          + " the step began), a decimal from 0 to 1 such as \"0.01\"; above it the rollout rolls"
          + " back. Judged once the step has minInvocations.")
  @Size(max = 8)
  @ValidationRule(value = RolloutRules.ERROR_RATE_RULE, message = RolloutRules.ERROR_RATE_MESSAGE)
  private String maxErrorRate;

  @JsonPropertyDescription(
      "Invocations the new version must serve in a step before the step can pass and before its"
          + " error rate is judged (0-1000000).")
  @Default(RolloutRules.DEFAULT_MIN_INVOCATIONS)
  @Min(0)
  @Max(1_000_000)
  private Integer minInvocations;

  public List<String> getAlarms() {
    return alarms;
  }

  public void setAlarms(List<String> alarms) {
    this.alarms = alarms;
  }

  public String getMaxErrorRate() {
    return maxErrorRate;
  }

  public void setMaxErrorRate(String maxErrorRate) {
    this.maxErrorRate = maxErrorRate;
  }

  public Integer getMinInvocations() {
    return minInvocations;
  }

  public void setMinInvocations(Integer minInvocations) {
    this.minInvocations = minInvocations;
  }
}
