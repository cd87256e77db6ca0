package dev.lmi.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * The vCPUs the functions on a capacity provider hold and could reach, against its ceiling.
 * (Accessors are spelled getvCpu...: see {@link FunctionCapacityStatus}.)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ProviderCapacityStatus {

  @JsonPropertyDescription(
      "vCPUs the attached functions hold at their minimum environments (environments × vCPUs per"
          + " environment, every version that holds environments).")
  private Integer vCpuAtMin;

  @JsonPropertyDescription(
      "vCPUs they could reach at their maximum; absent when a version has no maximum.")
  private Integer vCpuAtMax;

  @JsonPropertyDescription("The provider's ceiling (spec.scaling.maxVCpuCount; AWS default 400).")
  private Integer maxVCpuCount;

  @JsonPropertyDescription("Function versions that hold execution environments.")
  private Integer warmVersions;

  @JsonPropertyDescription("LmiFunctions on this provider.")
  private Integer functions;

  @JsonPropertyDescription(
      "vCpuAtMin/vCpuAtMax/maxVCpuCount, e.g. 12/40/100 (unbounded for no maximum): the VCPU"
          + " MIN/MAX/CEILING column.")
  private String summary;

  public Integer getvCpuAtMin() {
    return vCpuAtMin;
  }

  public void setvCpuAtMin(Integer vCpuAtMin) {
    this.vCpuAtMin = vCpuAtMin;
  }

  public Integer getvCpuAtMax() {
    return vCpuAtMax;
  }

  public void setvCpuAtMax(Integer vCpuAtMax) {
    this.vCpuAtMax = vCpuAtMax;
  }

  public Integer getMaxVCpuCount() {
    return maxVCpuCount;
  }

  public void setMaxVCpuCount(Integer maxVCpuCount) {
    this.maxVCpuCount = maxVCpuCount;
  }

  public Integer getWarmVersions() {
    return warmVersions;
  }

  public void setWarmVersions(Integer warmVersions) {
    this.warmVersions = warmVersions;
  }

  public Integer getFunctions() {
    return functions;
  }

  public void setFunctions(Integer functions) {
    this.functions = functions;
  }

  public String getSummary() {
    return summary;
  }

  public void setSummary(String summary) {
    this.summary = summary;
  }
}
