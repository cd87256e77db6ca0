package dev.lmi.operator.capacity;

import java.util.List;
import java.util.Optional;

/**
 * The vCPU arithmetic of Lambda Managed Instances, as AWS accounts it: an execution environment
 * takes memoryMiB / (memoryGiBPerVCpu × 1024) vCPUs; a version holds its minimum environments while
 * it is Pending, Active or Deactivating (at least one unless min = max = 0); a capacity provider's
 * maxVCpuCount (400 when unset) bounds the sum over every version of every function on it. Pure
 * functions over what the plan observed.
 */
public final class CapacityBudget {
  /** maxVCpuCount when a capacity provider sets none (AWS's default). */
  public static final int DEFAULT_MAX_VCPU_COUNT = 400;

  /** Minimum environments of a version without a scaling config of its own (AWS's default). */
  public static final int AWS_DEFAULT_MIN_ENVIRONMENTS = 3;

  /** Environments Lambda starts before a new version turns Active (for AZ resilience). */
  public static final int PUBLISH_ENVIRONMENTS = 3;

  private CapacityBudget() {}

  /** vCPUs of one environment: memoryMiB / (memoryGiBPerVCpu × 1024), rounded up, at least 1. */
  public static int vCpuPerEnvironment(int memoryMiB, int memoryGiBPerVCpu) {
    var perVCpu = Math.max(1, memoryGiBPerVCpu) * 1024;
    return Math.max(1, (memoryMiB + perVCpu - 1) / perVCpu);
  }

  /** Environments a publish starts: Lambda's three, or the minimum in force when it is more. */
  public static int environmentsToPublish(int effectiveMin) {
    return Math.max(PUBLISH_ENVIRONMENTS, effectiveMin);
  }

  /** Environments a deactivated version starts when its scaling is raised again. */
  public static int environmentsToReactivate(int min) {
    return Math.max(1, min);
  }

  /** What one function holds, over all its warm versions. */
  public static FunctionCapacity function(FunctionLoad load) {
    long environments = 0;
    Long atMax = 0L;
    var warm = 0;
    for (var v : load.versions()) {
      environments += v.environmentsAtMin();
      warm += v.environmentsAtMin() > 0 ? 1 : 0;
      var max = v.environmentsAtMax();
      atMax = atMax == null || max == null ? null : atMax + max;
    }
    var vcpu = load.vCpuPerEnvironment();
    return new FunctionCapacity(
        vcpu, environments, environments * vcpu, atMax == null ? null : atMax * vcpu, warm);
  }

  /** What the functions on one provider hold; {@code maxVCpuCount} null means AWS's default. */
  public static ProviderCapacity provider(Integer maxVCpuCount, List<FunctionLoad> functions) {
    long atMin = 0;
    Long atMax = 0L;
    var warm = 0;
    for (var f : functions) {
      var c = function(f);
      atMin += c.vCpuAtMin();
      atMax = atMax == null || c.vCpuAtMax() == null ? null : atMax + c.vCpuAtMax();
      warm += c.warmVersions();
    }
    var ceiling = maxVCpuCount == null ? DEFAULT_MAX_VCPU_COUNT : maxVCpuCount;
    return new ProviderCapacity(atMin, atMax, ceiling, warm, functions.size());
  }

  /**
   * The gate before a step that starts environments (a publish, a canary, a reactivation): it waits
   * while the provider's held vCPUs plus the new ones pass the ceiling. The step's own old versions
   * stay counted: they run until the new one has taken over.
   *
   * @param step what would start, for the message, e.g. "publishing a new version"
   */
  public static PublishGate wouldExceed(
      ProviderCapacity provider,
      String providerName,
      String step,
      int vCpuPerEnvironment,
      int environments) {
    long needed = (long) environments * vCpuPerEnvironment;
    var held = provider.vCpuAtMin();
    if (held + needed <= provider.maxVCpuCount()) {
      return new PublishGate(false, needed, held, provider.maxVCpuCount(), "");
    }
    return new PublishGate(
        true,
        needed,
        held,
        provider.maxVCpuCount(),
        Messages.exceeded(provider, providerName, step, vCpuPerEnvironment, environments));
  }

  /**
   * A warning when the function cannot reach its maximum: its maximum plus what the other functions
   * hold at their minimum passes the ceiling. Empty for no maximum (the ceiling is then the
   * intended bound).
   */
  public static Optional<String> maxBeyondCeiling(
      FunctionCapacity function, ProviderCapacity provider, String providerName) {
    if (function.vCpuAtMax() == null) {
      return Optional.empty();
    }
    var others = provider.vCpuAtMin() - function.vCpuAtMin();
    if (function.vCpuAtMax() + others <= provider.maxVCpuCount()) {
      return Optional.empty();
    }
    return Optional.of(Messages.beyondCeiling(function, provider, providerName, others));
  }

  /** A warning when the functions' maxima together pass the provider's ceiling. */
  public static Optional<String> oversubscribed(ProviderCapacity provider) {
    if (provider.vCpuAtMax() == null || provider.vCpuAtMax() <= provider.maxVCpuCount()) {
      return Optional.empty();
    }
    return Optional.of(
        "the maxima of the %d functions add up to %d vCPUs, more than maxVCpuCount %d: they cannot all scale to their maximum at once"
            .formatted(provider.functions(), provider.vCpuAtMax(), provider.maxVCpuCount()));
  }

  static int clamp(long value) {
    return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
  }
}
