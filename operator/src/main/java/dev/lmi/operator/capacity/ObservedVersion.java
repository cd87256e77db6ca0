package dev.lmi.operator.capacity;

/**
 * A published version as the plan observed it: its state and the scaling config it runs with (for a
 * version without a config of its own, AWS's default: {@link
 * CapacityBudget#AWS_DEFAULT_MIN_ENVIRONMENTS}, no maximum).
 *
 * @param maxEnvironments null for no maximum
 */
public record ObservedVersion(
    String version, VersionState state, int minEnvironments, Integer maxEnvironments) {

  /** min = max = 0: Lambda deactivates the version. */
  public boolean scaledToZero() {
    return minEnvironments == 0 && maxEnvironments != null && maxEnvironments == 0;
  }

  /**
   * Environments the version keeps at its minimum: none unless its state holds environments and its
   * config is not 0/0; otherwise at least one (a version that serves runs somewhere).
   */
  public int environmentsAtMin() {
    return state.holdsEnvironments() && !scaledToZero() ? Math.max(1, minEnvironments) : 0;
  }

  /** Environments it may grow to: null for no maximum, 0 when it holds none. */
  public Integer environmentsAtMax() {
    var atMin = environmentsAtMin();
    if (atMin == 0) {
      return 0;
    }
    return maxEnvironments == null ? null : Math.max(atMin, maxEnvironments);
  }

  /** The version number, or -1 for $LATEST.PUBLISHED and anything else that is not a number. */
  public long number() {
    return numberOf(version);
  }

  /** A version's number, or -1 for $LATEST.PUBLISHED and anything else that is not a number. */
  public static long numberOf(String version) {
    return version != null && version.matches("[0-9]{1,18}") ? Long.parseLong(version) : -1;
  }
}
