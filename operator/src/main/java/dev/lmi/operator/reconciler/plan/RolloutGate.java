package dev.lmi.operator.reconciler.plan;

import dev.lmi.operator.aws.VersionView;
import dev.lmi.operator.rollout.RolloutCapacity;
import dev.lmi.operator.rollout.RolloutState;
import dev.lmi.operator.rollout.Route;
import dev.lmi.operator.status.Outcome;
import dev.lmi.operator.status.Reason;

/**
 * What must hold before a rollout moves any traffic: the provider has room for both versions'
 * minimum environments (checked before the new version is published), and AWS will split the alias
 * between them (checked once, when the rollout is about to start).
 */
final class RolloutGate {
  private final FunctionDesired d;

  RolloutGate(FunctionDesired desired) {
    this.d = desired;
  }

  /**
   * Before a version is published for a rollout: both versions hold their minimum environments
   * while it lasts, so the provider's maxVCpuCount must hold the new one's next to the stable one's
   * (other functions on the provider are not counted). False, with the plan ended, when it cannot.
   */
  boolean room(Path<FunctionAction, FunctionRecord> p) {
    var r = p.record();
    var stable = r.served().aliasVersion();
    if (!d.rollout().gradual()
        || d.providerMaxVCpu() == null
        || stable == null
        || d.configHash().equals(r.published().hash())) {
      return true;
    }
    var perEnvironment = d.vCpuPerEnvironment();
    var stableMin =
        r.served().scalingRecordedFor(stable) && r.served().min() != null
            ? r.served().min()
            : d.minExecutionEnvironments();
    var arn = d.settings().capacityProviderArn();
    var figures =
        new RolloutCapacity.Figures(
            arn == null ? "?" : arn.substring(arn.lastIndexOf(':') + 1),
            d.providerMaxVCpu(),
            stableMin * perEnvironment,
            stable,
            stableMin * perEnvironment,
            d.minExecutionEnvironments(),
            perEnvironment);
    var refusal = RolloutCapacity.refusal(figures);
    refusal.ifPresent(
        why -> p.end(Outcome.terminal(Reason.RolledBack, "rollout not started: " + why)));
    return refusal.isEmpty();
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
