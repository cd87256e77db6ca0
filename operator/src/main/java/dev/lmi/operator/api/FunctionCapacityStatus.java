package dev.lmi.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * The vCPUs a function holds on its capacity provider, counting every warm version. (Accessors are
 * spelled getvCpu...: Jackson names a property from its getter, and getVCpu... would bind vcpu....)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class FunctionCapacityStatus {

  @JsonPropertyDescription(
      "vCPUs of one execution environment: memoryMiB / (memoryGiBPerVCpu × 1024).")
  private Integer vCpuPerEnvironment;

  @JsonPropertyDescription(
      "vCPUs held at the minimum environments of every version that holds environments (the"
          + " alias's, a canary, retained versions not yet deactivated).")
  private Integer vCpuAtMin;

  @JsonPropertyDescription(
      "vCPUs the same versions could reach at their maximum; absent when one has no maximum.")
  private Integer vCpuAtMax;

  @JsonPropertyDescription("Versions that hold execution environments (not Deactivated or Failed).")
  private Integer warmVersions;

  public Integer getvCpuPerEnvironment() {
    return vCpuPerEnvironment;
  }

  public void setvCpuPerEnvironment(Integer vCpuPerEnvironment) {
    this.vCpuPerEnvironment = vCpuPerEnvironment;
  }

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

  public Integer getWarmVersions() {
    return warmVersions;
  }

  public void setWarmVersions(Integer warmVersions) {
    this.warmVersions = warmVersions;
  }
}
