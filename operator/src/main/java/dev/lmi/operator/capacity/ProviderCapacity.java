package dev.lmi.operator.capacity;

import dev.lmi.operator.api.ProviderCapacityStatus;

/**
 * The vCPUs the functions on one capacity provider hold at their minimum and could reach at their
 * maximum (null when a warm version has none), against the provider's ceiling.
 */
public record ProviderCapacity(
    long vCpuAtMin, Long vCpuAtMax, int maxVCpuCount, int warmVersions, int functions) {

  /** vCPUs the ceiling leaves free at the minimum (negative when over it). */
  public long freeAtMin() {
    return maxVCpuCount - vCpuAtMin;
  }

  /** "12/40/100", or "12/unbounded/100" when a warm version has no maximum. */
  public String summary() {
    return vCpuAtMin + "/" + (vCpuAtMax == null ? "unbounded" : vCpuAtMax) + "/" + maxVCpuCount;
  }

  /** For status.capacity. */
  public ProviderCapacityStatus toStatus() {
    var s = new ProviderCapacityStatus();
    s.setvCpuAtMin(CapacityBudget.clamp(vCpuAtMin));
    s.setvCpuAtMax(vCpuAtMax == null ? null : CapacityBudget.clamp(vCpuAtMax));
    s.setMaxVCpuCount(maxVCpuCount);
    s.setWarmVersions(warmVersions);
    s.setFunctions(functions);
    s.setSummary(summary());
    return s;
  }
}
