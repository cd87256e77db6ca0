package dev.lmi.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.ValidationRule;

/** Bounds on the execution environments of the function's published version. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value =
        "!has(self.maxExecutionEnvironments) || self.minExecutionEnvironments <="
            + " self.maxExecutionEnvironments",
    messageExpression =
        "'minExecutionEnvironments ' + string(self.minExecutionEnvironments) + ' is more than"
            + " maxExecutionEnvironments ' + string(self.maxExecutionEnvironments)",
    fieldPath = ".minExecutionEnvironments")
public class FunctionScalingSpec {

  @JsonPropertyDescription(
      "Environments kept warm (0-15000, default 3 for AZ resilience; 0 with max 0 scales the"
          + " version to zero and deactivates it).")
  @Default(Defaults.MIN_EXECUTION_ENVIRONMENTS)
  @Min(0)
  @Max(15000)
  private Integer minExecutionEnvironments;

  @JsonPropertyDescription("Most environments (0-15000); unbounded when omitted.")
  @Min(0)
  @Max(15000)
  private Integer maxExecutionEnvironments;

  public Integer getMinExecutionEnvironments() {
    return minExecutionEnvironments;
  }

  public void setMinExecutionEnvironments(Integer minExecutionEnvironments) {
    this.minExecutionEnvironments = minExecutionEnvironments;
  }

  public Integer getMaxExecutionEnvironments() {
    return maxExecutionEnvironments;
  }

  public void setMaxExecutionEnvironments(Integer maxExecutionEnvironments) {
    this.maxExecutionEnvironments = maxExecutionEnvironments;
  }
}
