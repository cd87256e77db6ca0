package dev.lmi.operator.reconciler.plan;

import dev.lmi.operator.aws.VersionView;
import dev.lmi.operator.capacity.CapacityBudget;
import dev.lmi.operator.rollout.RolloutCapacity;
import dev.lmi.operator.rollout.RolloutState;
import dev.lmi.operator.rollout.Route;
import dev.lmi.operator.status.Outcome;
import dev.lmi.operator.status.Reason;

/**
 * Whether a version rolls out at all, and what must hold before a rollout moves any traffic: the
 * provider has room for both versions' minimum environments (checked before the new version is
 * published), and AWS will split the alias between them (checked once, when the rollout is about to
 * start).
 */
final class RolloutGate {
  private final FunctionDesired d;
  private final Pace pace;
  private final ProviderRoom room;

  /**
   * @param room what the provider holds for its other functions (null: only this one counted)
   */
  RolloutGate(FunctionDesired desired, Pace pace, ProviderRoom room) {
    this.d = desired;
    this.pace = pace;
    this.room = room;
  }

  /**
   * Whether this version's way onto the alias is a rollout's business: one under way or rolled back
   * for this spec, or spec.rollout has steps and the alias serves another version.
   */
  boolean applies(FunctionRecord r, VersionRef target) {
    var s = r.rollout();
    if (s != null && s.progressing()) {
      return true;
    }
    if (s != null && s.reverted() && d.configHash().equals(s.candidateHash())) {
      return true;
    }
    return d.rollout().gradual() && !target.is(r.served().aliasVersion());
  }

  /**
   * Before a version is published for a rollout: both versions hold their minimum environments
   * while it lasts, so the provider's maxVCpuCount must hold the new one's next to what the
   * provider holds already (the stable version's, and the other functions' by their status.capacity
   * when known). False, with the plan waiting as CapacityExceeded, when it cannot: the rollout
   * starts once there is room.
   */
  boolean room(Path<FunctionAction, FunctionRecord> p) {
    var r = p.record();
    var stable = r.served().aliasVersion();
    if (!d.rollout().gradual()
        || (room == null && d.providerMaxVCpu() == null)
        || stable == null
        || d.configHash().equals(r.published().hash())
        || Dormancy.zero(d.minExecutionEnvironments(), d.maxExecutionEnvironments())) {
      return true;
    }
    var refusal = RolloutCapacity.refusal(figures(r, stable));
    refusal.ifPresent(
        why ->
            p.end(
                Outcome.waiting(
                    Reason.CapacityExceeded,
                    "rollout waits for room: " + why + ", or move the function to another provider",
                    ProviderRoom.recheck(pace))));
    return refusal.isEmpty();
  }

  /** The provider's figures: from {@link ProviderRoom} when known, else this function's alone. */
  private RolloutCapacity.Figures figures(FunctionRecord r, String stable) {
    var perEnvironment = ProviderRoom.vCpuPerEnvironment(d);
    var min = d.minExecutionEnvironments() == null ? 0 : d.minExecutionEnvironments();
    var stableMin =
        r.served().scalingRecordedFor(stable) && r.served().min() != null ? r.served().min() : min;
    var held = room == null ? null : room.with(r, d);
    var arn = d.settings().capacityProviderArn();
    return new RolloutCapacity.Figures(
        room != null
            ? room.provider()
            : arn == null ? "?" : arn.substring(arn.lastIndexOf(':') + 1),
        held != null ? held.maxVCpuCount() : d.providerMaxVCpu(),
        held != null
            ? (int) Math.min(Integer.MAX_VALUE, held.vCpuAtMin())
            : stableMin * perEnvironment,
        stable,
        stableMin * perEnvironment,
        CapacityBudget.environmentsToPublish(min),
        perEnvironment);
  }

  /** A rollout may start from the alias's version now: the one moment its split is checked. */
  boolean starting(RolloutState s, Route observed, VersionRef target) {
    if (!d.rollout().gradual() || observed.weighted() || target.is(observed.version())) {
      return false;
    }
    return s == null
        || (s.progressing() ? s.step() == 0 : !d.configHash().equals(s.candidateHash()));
  }

  /**
   * Why AWS would not let the stable version and the new one share a weighted alias, or null. The
   * new version is $LATEST published, so its role is the spec's.
   */
  String splitRefusal(VersionView stable) {
    var role = d.settings().roleArn();
    if (stable == null || stable.role() == null || role == null || stable.role().equals(role)) {
      return null;
    }
    return "version "
        + stable.version()
        + " runs as "
        + stable.role()
        + " and the new version as "
        + role
        + ": AWS splits an alias only between versions with the same execution role";
  }
}
