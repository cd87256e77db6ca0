package dev.lmi.operator.reconciler.plan;

import dev.lmi.operator.api.FunctionCapacityStatus;
import dev.lmi.operator.capacity.CapacityBudget;
import dev.lmi.operator.capacity.FunctionLoad;
import dev.lmi.operator.capacity.ObservedVersion;
import dev.lmi.operator.capacity.ProviderCapacity;
import dev.lmi.operator.capacity.VersionState;
import java.util.ArrayList;
import java.util.List;

/**
 * The execution environments a function holds, from what its status records: the version its alias
 * serves (at the scaling AWS applied to it, else the one in force) and a newer publish still
 * starting next to it. Retained versions count as none: the operator scales them to zero when it
 * promotes a version. A provider's holdings are the sum of its functions' status.capacity. Pure.
 */
public final class Holdings {
  private Holdings() {}

  /** The versions of one function that hold environments, as its status records them. */
  public static FunctionLoad function(String name, FunctionRecord r, FunctionDesired d) {
    var versions = new ArrayList<ObservedVersion>();
    var served = r.served();
    var published = r.published();
    var aliasVersion = served.aliasVersion();
    if (aliasVersion != null) {
      var state =
          aliasVersion.equals(published.version())
              ? VersionState.of(published.state())
              : VersionState.ACTIVE;
      var recorded = served.scalingRecordedFor(aliasVersion) && served.min() != null;
      var min = recorded ? served.min() : d.minExecutionEnvironments();
      var max = recorded ? served.max() : d.maxExecutionEnvironments();
      versions.add(new ObservedVersion(aliasVersion, state, min == null ? 0 : min, max));
    }
    var starting = published.version();
    if (starting != null && !starting.equals(aliasVersion)) {
      var min = d.minExecutionEnvironments() == null ? 0 : d.minExecutionEnvironments();
      versions.add(
          new ObservedVersion(
              starting,
              VersionState.of(published.state()),
              CapacityBudget.environmentsToPublish(min),
              d.maxExecutionEnvironments()));
    }
    return new FunctionLoad(name, ProviderRoom.vCpuPerEnvironment(d), versions);
  }

  /**
   * What the functions on a provider hold, from their status.capacity (a function without one holds
   * nothing yet); {@code maxVCpuCount} null means AWS's default.
   */
  public static ProviderCapacity provider(
      Integer maxVCpuCount, List<FunctionCapacityStatus> functions) {
    long atMin = 0;
    Long atMax = 0L;
    var warm = 0;
    for (var f : functions) {
      atMin += f.getvCpuAtMin() == null ? 0 : f.getvCpuAtMin();
      atMax = atMax == null || f.getvCpuAtMax() == null ? null : atMax + f.getvCpuAtMax();
      warm += f.getWarmVersions() == null ? 0 : f.getWarmVersions();
    }
    var ceiling = maxVCpuCount == null ? CapacityBudget.DEFAULT_MAX_VCPU_COUNT : maxVCpuCount;
    return new ProviderCapacity(atMin, atMax, ceiling, warm, functions.size());
  }
}
