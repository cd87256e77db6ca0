package dev.lmi.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Execution-environment bounds of a version, as AWS reports them. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ScalingStatus {

  @JsonPropertyDescription("Version the scaling applies to.")
  private String version;

  @JsonPropertyDescription("Applied minimum execution environments.")
  private Integer minExecutionEnvironments;

  @JsonPropertyDescription("Applied maximum execution environments.")
  private Integer maxExecutionEnvironments;

  @JsonPropertyDescription("True once AWS reports the requested values as applied.")
  private Boolean settled;

  public String getVersion() {
    return version;
  }

  public void setVersion(String version) {
    this.version = version;
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

  public Boolean getSettled() {
    return settled;
  }

  public void setSettled(Boolean settled) {
    this.settled = settled;
  }
}
