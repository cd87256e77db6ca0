package dev.lmi.operator.reconciler.plan;

import dev.lmi.operator.aws.VersionView;
import dev.lmi.operator.capacity.ObservedVersion;
import dev.lmi.operator.status.Outcome;
import dev.lmi.operator.status.Reason;
import java.util.List;
import java.util.Set;

/**
 * A version AWS failed because its environments did not fit the provider (two publishes at once, or
 * vCPUs held by functions this operator does not count): it waits as CapacityExceeded while the
 * provider has no room, and is published again once it has, a few times at most, so that an
 * uncounted holder cannot keep it publishing and failing. Pure.
 */
final class CapacityRetry {
  /** Publishes of one configuration that may fail for capacity before the failure is final. */
  static final int ATTEMPTS = 3;

  private static final Set<String> CODES =
      Set.of("CapacityProviderScalingLimitExceeded", "VcpuLimitExceeded");

  private CapacityRetry() {}

  /** What to do about a failed version: END (the plan ended), AGAIN (publish again), or NO. */
  enum Verdict {
    END,
    AGAIN,
    NO
  }

  static Verdict decide(
      Path<FunctionAction, FunctionRecord> p,
      FunctionDesired d,
      VersionView failed,
      ProviderRoom room,
      Pace pace) {
    var r = p.record();
    if (room == null || !CODES.contains(failed.stateReasonCode()) || spent(r, failed)) {
      return Verdict.NO;
    }
    var full = room.gate("publishing version " + failed.version() + " again", d, r, pace);
    if (full != null) {
      p.end(
          Outcome.waiting(
              Reason.CapacityExceeded,
              "version "
                  + failed.version()
                  + " failed: "
                  + failed.stateReasonCode()
                  + "; "
                  + full.message(),
              full.requeue()));
      return Verdict.END;
    }
    var kept = r.published().versions();
    var left = kept == null ? List.<String>of() : without(kept, failed.version());
    p.add(new FunctionAction.PruneVersions(List.of(failed.version()), left));
    p.record(p.record().kept(left));
    return Verdict.AGAIN;
  }

  /**
   * The failed publishes since the version the alias serves, from the version numbers AWS gave
   * (never reused), so no status field has to count them.
   */
  private static boolean spent(FunctionRecord r, VersionView failed) {
    var last = ObservedVersion.numberOf(failed.version());
    var served = ObservedVersion.numberOf(r.served().aliasVersion());
    return last < 0 || last - Math.max(served, 0) >= ATTEMPTS;
  }

  private static List<String> without(List<String> versions, String version) {
    return versions.stream().filter(v -> !v.equals(version)).toList();
  }
}
