package dev.lmi.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** The scaling in force now (base values, a schedule or suspend) and when it changes next. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class EffectiveScalingStatus {

  @JsonPropertyDescription("base, suspend, or the name of the schedule in force.")
  private String window;

  @JsonPropertyDescription(
      "When the schedule in force fired (RFC 3339); absent for base and suspend.")
  private String since;

  @JsonPropertyDescription("Minimum execution environments in force.")
  private Integer minExecutionEnvironments;

  @JsonPropertyDescription("Maximum execution environments in force; absent for none.")
  private Integer maxExecutionEnvironments;

  @JsonPropertyDescription("The schedule in force after the next firing.")
  private String nextWindow;

  @JsonPropertyDescription("When a schedule fires next (RFC 3339).")
  private String nextChange;

  public String getWindow() {
    return window;
  }

  public void setWindow(String window) {
    this.window = window;
  }

  public String getSince() {
    return since;
  }

  public void setSince(String since) {
    this.since = since;
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

  public String getNextWindow() {
    return nextWindow;
  }

  public void setNextWindow(String nextWindow) {
    this.nextWindow = nextWindow;
  }

  public String getNextChange() {
    return nextChange;
  }

  public void setNextChange(String nextChange) {
    this.nextChange = nextChange;
  }
}
