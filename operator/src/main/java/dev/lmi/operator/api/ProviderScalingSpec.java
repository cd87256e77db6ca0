package dev.lmi.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.ValidationRule;

/** Scaling of a capacity provider's instances. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "(has(self.mode) && self.mode == 'Manual') == has(self.targetCpuUtilization)",
    message =
        "scaling.targetCpuUtilization is required when mode is Manual and not allowed otherwise",
    fieldPath = ".targetCpuUtilization")
public class ProviderScalingSpec {

  @JsonPropertyDescription("Hard ceiling on vCPUs across all instances (2-15000; AWS default 400).")
  @Min(2)
  @Max(15000)
  private Integer maxVCpuCount;

  @JsonPropertyDescription(
      "Auto lets Lambda choose the target; Manual tracks targetCpuUtilization.")
  @Default(Defaults.SCALING_MODE)
  private ScalingMode mode;

  @JsonPropertyDescription("Average CPU utilisation (percent, 0-100) to track in Manual mode.")
  @Min(0)
  @Max(100)
  private Double targetCpuUtilization;

  public Integer getMaxVCpuCount() {
    return maxVCpuCount;
  }

  public void setMaxVCpuCount(Integer maxVCpuCount) {
    this.maxVCpuCount = maxVCpuCount;
  }

  public ScalingMode getMode() {
    return mode;
  }

  public void setMode(ScalingMode mode) {
    this.mode = mode;
  }

  public Double getTargetCpuUtilization() {
    return targetCpuUtilization;
  }

  public void setTargetCpuUtilization(Double targetCpuUtilization) {
    this.targetCpuUtilization = targetCpuUtilization;
  }
}
