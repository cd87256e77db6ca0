package dev.lmi.operator.api;

/** Where a rollout stands: under way, or how it ended. */
public enum RolloutPhase {
  /** Traffic is shifting (or about to) from the stable version to the candidate. */
  Progressing,
  /** The candidate took all traffic. */
  Succeeded,
  /** A check failed: all traffic is back on the stable version. */
  RolledBack,
  /** Someone annotated the function lmi.dev/rollout=abort: all traffic is back on stable. */
  Aborted
}
