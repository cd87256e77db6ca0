package dev.lmi.operator.capacity;

import java.util.List;
import java.util.Set;

/**
 * Which retained versions to scale to zero, and what a retained version needs before traffic goes
 * to it again. A published version keeps its minimum environments whether or not an alias routes to
 * it (the scaling config belongs to the version), so each rollback target kept by keepVersions
 * costs as much as the live one until it is scaled to min = max = 0 (Lambda then deactivates it).
 */
public final class WarmVersions {
  private WarmVersions() {}

  /** What must happen before an alias (or a rollback) points at a version. */
  public enum Readiness {
    /** Active with environments: point at it. */
    READY,
    /** Deactivated (or being deactivated, or scaled to zero): put its scaling back, then wait. */
    REACTIVATE,
    /** Starting (Pending): wait until Active. */
    WAIT,
    /** Failed, being deleted, or unknown: it cannot serve; choose another version. */
    UNAVAILABLE
  }

  /**
   * The versions to scale to zero: numbered versions that hold environments, that no alias routes
   * to, and that are older than the newest routed version (a newer one is a candidate still being
   * published or rolled out, and is left alone). Empty while nothing is routed.
   *
   * @param routed the versions the alias routes to now (its version and any weighted one), and the
   *     version it is about to point at
   */
  public static List<String> toDeactivate(List<ObservedVersion> versions, Set<String> routed) {
    var newestRouted = routed.stream().mapToLong(ObservedVersion::numberOf).max().orElse(-1);
    return versions.stream()
        .filter(v -> v.number() >= 0 && v.number() < newestRouted)
        .filter(v -> !routed.contains(v.version()))
        .filter(v -> v.environmentsAtMin() > 0)
        .map(ObservedVersion::version)
        .toList();
  }

  /** What the version needs before traffic goes to it. */
  public static Readiness readiness(ObservedVersion target) {
    return switch (target.state()) {
      case ACTIVE -> target.scaledToZero() ? Readiness.REACTIVATE : Readiness.READY;
      case DEACTIVATING, DEACTIVATED -> Readiness.REACTIVATE;
      case PENDING -> Readiness.WAIT;
      case FAILED, DELETING, OTHER -> Readiness.UNAVAILABLE;
    };
  }
}
