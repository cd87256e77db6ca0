package dev.lmi.operator.reconciler.plan;

import dev.lmi.operator.capacity.CapacityBudget;
import dev.lmi.operator.capacity.ProviderCapacity;
import dev.lmi.operator.status.Outcome;
import dev.lmi.operator.status.Reason;
import java.time.Duration;

/**
 * What a function's capacity provider holds now, as the statuses of the functions on it report
 * (this one's included): the input of the gate before a step that starts execution environments.
 *
 * @param provider the CapacityProvider object's name, for messages
 * @param held the vCPUs its functions' versions hold at their minimum, against its ceiling
 */
public record ProviderRoom(String provider, ProviderCapacity held) {
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
   */
  Outcome gate(String step, FunctionDesired d, Pace pace) {
    var min = d.minExecutionEnvironments() == null ? 0 : d.minExecutionEnvironments();
    return gate(step, d, CapacityBudget.environmentsToPublish(min), pace);
  }

  /** As {@link #gate}, for a version scaled to zero whose minimum environments start again. */
  Outcome reactivation(String version, FunctionDesired d, Pace pace) {
    var min = d.minExecutionEnvironments() == null ? 0 : d.minExecutionEnvironments();
    var envs = CapacityBudget.environmentsToReactivate(min);
    return gate("reactivating version " + version, d, envs, pace);
  }

  private Outcome gate(String step, FunctionDesired d, int environments, Pace pace) {
    var vCpuPerEnvironment = vCpuPerEnvironment(d);
    var gate = CapacityBudget.wouldExceed(held, provider, step, vCpuPerEnvironment, environments);
    if (!gate.exceeded()) {
      return null;
    }
    var again = pace.resync().compareTo(RECHECK) < 0 ? pace.resync() : RECHECK;
    return Outcome.waiting(Reason.CapacityExceeded, gate.message(), again);
  }

  /** vCPUs of one execution environment of the desired configuration. */
  static int vCpuPerEnvironment(FunctionDesired d) {
    var ratio = d.settings().memoryGiBPerVCpu();
    return CapacityBudget.vCpuPerEnvironment(
        d.settings().memoryMiB(), ratio == null ? 2 : (int) Math.round(ratio));
  }
}
