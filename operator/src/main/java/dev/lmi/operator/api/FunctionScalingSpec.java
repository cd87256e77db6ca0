package dev.lmi.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

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

  @JsonPropertyDescription(
      "Windows of other bounds, each starting when its cron expression fires in its time zone:"
          + " the schedule that fired last is in force (base values before any has fired), also"
          + " after an operator restart. At most 20; names unique.")
  @Size(max = ScheduleRules.MAX_SCHEDULES)
  @ValidationRule(
      value = "self.all(s, self.exists_one(t, t.name == s.name))",
      message = "schedule names must be unique")
  private List<ScalingScheduleSpec> schedules;

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

  public List<ScalingScheduleSpec> getSchedules() {
    return schedules;
  }

  public void setSchedules(List<ScalingScheduleSpec> schedules) {
    this.schedules = schedules;
  }
}
