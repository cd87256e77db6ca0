package dev.lmi.operator.capacity;

import dev.lmi.operator.api.FunctionCapacityStatus;

/**
 * The vCPUs one function holds: at the minimum environments of its warm versions, and at their
 * maximum (null when one has none).
 */
public record FunctionCapacity(
    int vCpuPerEnvironment,
    long environmentsAtMin,
    long vCpuAtMin,
    Long vCpuAtMax,
    int warmVersions) {

  /** For status.capacity. */
  public FunctionCapacityStatus toStatus() {
    var s = new FunctionCapacityStatus();
    s.setvCpuPerEnvironment(vCpuPerEnvironment);
    s.setvCpuAtMin(CapacityBudget.clamp(vCpuAtMin));
    s.setvCpuAtMax(vCpuAtMax == null ? null : CapacityBudget.clamp(vCpuAtMax));
    s.setWarmVersions(warmVersions);
    return s;
  }
}
