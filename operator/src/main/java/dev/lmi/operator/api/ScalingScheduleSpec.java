package dev.lmi.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** A window of execution environments that starts each time its cron expression fires. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value =
        "!has(self.maxExecutionEnvironments) || self.minExecutionEnvironments <="
            + " self.maxExecutionEnvironments",
    messageExpression =
        "'minExecutionEnvironments ' + string(self.minExecutionEnvironments) + ' is more than"
            + " maxExecutionEnvironments ' + string(self.maxExecutionEnvironments)",
    fieldPath = ".minExecutionEnvironments")
public class ScalingScheduleSpec {

  @JsonPropertyDescription("Name of the window, unique in the list, e.g. nights (shown in status).")
  @Required
  @Size(min = 1, max = 63)
  @Pattern("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")
  private String name;

  @JsonPropertyDescription(
      "When the window starts: standard 5-field cron (minute hour day-of-month month"
          + " day-of-week), e.g. \"0 20 * * MON-FRI\", or @daily, @weekly, @monthly, @yearly,"
          + " @hourly. Not EventBridge's 6-field cron. A time the clocks skip fires at the end of"
          + " the gap; a repeated time fires once.")
  @Required
  @Size(min = 1, max = 100)
  @ValidationRule(value = ScheduleRules.CRON_RULE, message = ScheduleRules.CRON_MESSAGE)
  private String cron;

  @JsonPropertyDescription("IANA time zone the cron expression is read in, e.g. Europe/Berlin.")
  @Default(Defaults.SCHEDULE_TIME_ZONE)
  @Size(min = 1, max = 64)
  @Pattern(ScheduleRules.TIME_ZONE_PATTERN)
  private String timeZone;

  @JsonPropertyDescription(
      "Environments kept warm in this window (0-15000; 0 with max 0 scales the version to zero"
          + " and deactivates it until a later window).")
  @Required
  @Min(0)
  @Max(15000)
  private Integer minExecutionEnvironments;

  @JsonPropertyDescription("Most environments in this window (0-15000); unbounded when omitted.")
  @Min(0)
  @Max(15000)
  private Integer maxExecutionEnvironments;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getCron() {
    return cron;
  }

  public void setCron(String cron) {
    this.cron = cron;
  }

  public String getTimeZone() {
    return timeZone;
  }

  public void setTimeZone(String timeZone) {
    this.timeZone = timeZone;
  }

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
