package dev.lmi.operator.rollout;

import java.util.Optional;

/**
 * Whether a capacity provider holds a candidate's minimum environments next to the stable
 * version's: during a rollout both versions keep their environments (LMI starts a version's minimum
 * when it is published), so the check belongs before the candidate is published.
 */
public final class RolloutCapacity {
  private RolloutCapacity() {}

  /**
   * The figures: the provider's {@code maxVCpuCount}, the vCPUs its versions hold at their minimum
   * now ({@code vCpuInUse}, the stable version's {@code stableVCpu} among them), and the
   * candidate's minimum environments and vCPUs per environment.
   */
  public record Figures(
      String provider,
      int maxVCpuCount,
      int vCpuInUse,
      String stableVersion,
      int stableVCpu,
      int candidateEnvironments,
      int vCpuPerEnvironment) {

    public int candidateVCpu() {
      return candidateEnvironments * vCpuPerEnvironment;
    }
  }

  /** Why the rollout cannot start, with the figures and the remedies; empty when it fits. */
  public static Optional<String> refusal(Figures f) {
    var need = f.candidateVCpu();
    if (f.vCpuInUse() + need <= f.maxVCpuCount()) {
      return Optional.empty();
    }
    return Optional.of(
        "the new version needs "
            + need
            + " vCPUs ("
            + f.candidateEnvironments()
            + " environments × "
            + f.vCpuPerEnvironment()
            + " vCPUs) next to version "
            + f.stableVersion()
            + "'s "
            + f.stableVCpu()
            + " during the rollout, but capacity provider "
            + f.provider()
            + " has "
            + Math.max(0, f.maxVCpuCount() - f.vCpuInUse())
            + " of its maxVCpuCount "
            + f.maxVCpuCount()
            + " free: raise maxVCpuCount to at least "
            + (f.vCpuInUse() + need)
            + " or lower scaling.minExecutionEnvironments");
  }
}
