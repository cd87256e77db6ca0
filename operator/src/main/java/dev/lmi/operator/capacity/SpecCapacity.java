package dev.lmi.operator.capacity;

import dev.lmi.operator.api.Defaults;
import dev.lmi.operator.api.LmiFunctionSpec;
import dev.lmi.operator.schedule.Schedules;
import java.time.Instant;
import java.util.List;

/**
 * The capacity inputs a spec implies on its own, for the checks that have no AWS state to go by:
 * {@code validate} (the largest minimum and maximum any window asks for) and {@code plan} (the
 * steady state the spec wants now, one version).
 */
public final class SpecCapacity {
  private SpecCapacity() {}

  /** vCPUs of one execution environment of this spec, defaults applied. */
  public static int vCpuPerEnvironment(LmiFunctionSpec spec) {
    return CapacityBudget.vCpuPerEnvironment(memoryMiB(spec), memoryGiBPerVCpu(spec));
  }

  public static int memoryMiB(LmiFunctionSpec spec) {
    return spec.getMemoryMiB() != null
        ? spec.getMemoryMiB()
        : Integer.parseInt(Defaults.MEMORY_MIB);
  }

  public static int memoryGiBPerVCpu(LmiFunctionSpec spec) {
    return spec.getMemoryGiBPerVCpu() != null
        ? spec.getMemoryGiBPerVCpu()
        : Integer.parseInt(Defaults.MEMORY_GIB_PER_VCPU);
  }

  /** arm64 or x86_64, defaults applied. */
  public static String architecture(LmiFunctionSpec spec) {
    return spec.getArchitecture() != null ? spec.getArchitecture().wire() : Defaults.ARCHITECTURE;
  }

  /** One Active version at the scaling the (validated) spec wants at {@code now}. */
  public static FunctionLoad desired(String name, LmiFunctionSpec spec, Instant now) {
    var effective = Schedules.effectiveScaling(spec, now);
    var version =
        new ObservedVersion(
            "desired",
            VersionState.ACTIVE,
            effective.minExecutionEnvironments(),
            effective.maxExecutionEnvironments());
    return new FunctionLoad(name, vCpuPerEnvironment(spec), List.of(version));
  }

  /**
   * One Active version at the largest minimum and maximum of the base values and every schedule
   * (none when suspended): what the function may hold at some time. Needs no valid cron.
   */
  public static FunctionLoad peak(String name, LmiFunctionSpec spec) {
    var scaling = spec.getScaling();
    var min =
        scaling == null || scaling.getMinExecutionEnvironments() == null
            ? Integer.parseInt(Defaults.MIN_EXECUTION_ENVIRONMENTS)
            : scaling.getMinExecutionEnvironments();
    Integer max = scaling == null ? null : scaling.getMaxExecutionEnvironments();
    if (scaling != null && scaling.getSchedules() != null) {
      for (var s : scaling.getSchedules()) {
        min =
            Math.max(
                min, s.getMinExecutionEnvironments() == null ? 0 : s.getMinExecutionEnvironments());
        max =
            max == null || s.getMaxExecutionEnvironments() == null
                ? null
                : Math.max(max, s.getMaxExecutionEnvironments());
      }
    }
    var suspended = Boolean.TRUE.equals(spec.getSuspend());
    var version =
        suspended
            ? new ObservedVersion("peak", VersionState.ACTIVE, 0, 0)
            : new ObservedVersion("peak", VersionState.ACTIVE, min, max);
    return new FunctionLoad(name, vCpuPerEnvironment(spec), List.of(version));
  }

  /** The estimate of the steady state the spec wants at {@code now}: what plan compares. */
  public static CostEstimate desiredCost(LmiFunctionSpec spec, Instant now, PriceTable table) {
    var capacity = CapacityBudget.function(desired("", spec, now));
    return Costs.function(capacity, architecture(spec), memoryGiBPerVCpu(spec), table);
  }
}
