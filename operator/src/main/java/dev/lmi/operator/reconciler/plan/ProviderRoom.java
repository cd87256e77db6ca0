package dev.lmi.operator.reconciler.plan;

import dev.lmi.operator.capacity.CapacityBudget;
import dev.lmi.operator.capacity.ProviderCapacity;
import dev.lmi.operator.status.Outcome;
import dev.lmi.operator.status.Reason;
import java.time.Duration;

/**
 * What a function's capacity provider holds for the other functions on it, as their statuses
 * report, and its ceiling: with what this function holds by the record the plan has just brought up
 * to date, the input of the gate before a step that starts execution environments.
 *
 * @param provider the CapacityProvider object's name, for messages
 * @param others the vCPUs the other functions' versions hold at their minimum, and the ceiling
 */
public record ProviderRoom(String provider, ProviderCapacity others) {
  /**
   * How soon a function waiting for room looks again: room appears when another function shrinks or
   * the ceiling is raised, and neither wakes it.
   */
  static final Duration RECHECK = Duration.ofSeconds(30);

  /**
   * The outcome that holds back a step starting the environments a publish starts (three, or the
   * minimum in force when more), or null when they fit under the ceiling.
   *
   * @param step what would start, e.g. "publishing a new version"
   * @param r the function's record as the plan has it now (what it holds)
   */
  Outcome gate(String step, FunctionDesired d, FunctionRecord r, Pace pace) {
    var min = d.minExecutionEnvironments() == null ? 0 : d.minExecutionEnvironments();
    return gate(step, d, r, CapacityBudget.environmentsToPublish(min), pace);
  }

  /** As {@link #gate}, for a version scaled to zero whose minimum environments start again. */
  Outcome reactivation(String version, FunctionDesired d, FunctionRecord r, Pace pace) {
    var min = d.minExecutionEnvironments() == null ? 0 : d.minExecutionEnvironments();
    var envs = CapacityBudget.environmentsToReactivate(min);
    return gate("reactivating version " + version, d, r, envs, pace);
  }

  /**
   * As {@link #gate}, for a served version whose minimum rises above the {@code applied} one: the
   * environments it adds must fit (AWS would otherwise leave the request unapplied for good).
   */
  Outcome raise(String version, int applied, FunctionDesired d, FunctionRecord r, Pace pace) {
    var min = d.minExecutionEnvironments() == null ? 0 : d.minExecutionEnvironments();
    var envs = Math.max(1, min) - Math.max(1, applied);
    if (envs <= 0) {
      return null;
    }
    var step = "raising the minimum of version " + version + " from " + applied + " to " + min;
    return gate(step, d, r, envs, pace);
  }

  /** The provider with this function's holdings added to the others'. */
  public ProviderCapacity with(FunctionRecord r, FunctionDesired d) {
    var own = CapacityBudget.function(Holdings.function(d.name(), r, d));
    return new ProviderCapacity(
        others.vCpuAtMin() + own.vCpuAtMin(),
        others.vCpuAtMax() == null || own.vCpuAtMax() == null
            ? null
            : others.vCpuAtMax() + own.vCpuAtMax(),
        others.maxVCpuCount(),
        others.warmVersions() + own.warmVersions(),
        others.functions() + 1);
  }

  private Outcome gate(String step, FunctionDesired d, FunctionRecord r, int envs, Pace pace) {
    var held = with(r, d);
    var gate = CapacityBudget.wouldExceed(held, provider, step, vCpuPerEnvironment(d), envs);
    if (!gate.exceeded()) {
      return null;
    }
    return Outcome.waiting(Reason.CapacityExceeded, gate.message(), recheck(pace));
  }

  /** How soon a step waiting for room is looked at again. */
  static Duration recheck(Pace pace) {
    return pace.resync().compareTo(RECHECK) < 0 ? pace.resync() : RECHECK;
  }

  /** vCPUs of one execution environment of the desired configuration. */
  static int vCpuPerEnvironment(FunctionDesired d) {
    var ratio = d.settings().memoryGiBPerVCpu();
    return CapacityBudget.vCpuPerEnvironment(
        d.settings().memoryMiB(), ratio == null ? 2 : (int) Math.round(ratio));
  }
}
