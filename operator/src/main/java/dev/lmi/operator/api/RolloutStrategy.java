package dev.lmi.operator.api;

/** How a new version takes over the alias's traffic. */
public enum RolloutStrategy {
  /** The new version takes all traffic the moment it is Active (the behaviour before rollouts). */
  AllAtOnce,
  /** The new version takes the listed weights in order, each held for its pause, then all. */
  Canary,
  /** The new version takes increment, 2 × increment, ... percent, each held for the interval. */
  Linear
}
