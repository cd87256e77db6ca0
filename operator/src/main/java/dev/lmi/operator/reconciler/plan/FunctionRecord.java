package dev.lmi.operator.reconciler.plan;

import dev.lmi.operator.aws.FunctionView;
import dev.lmi.operator.aws.ScalingView;
import dev.lmi.operator.aws.VersionView;
import dev.lmi.operator.rollout.RolloutState;
import java.util.List;

/**
 * What an LmiFunction's status records, as a value: the operator's memory between reconciles
 * (hashes of what was applied, the versions it published, the scaling it waits for) and what it
 * last saw in AWS. Every change is a method of the records, so a plan never changes a status in
 * place; the reconciler writes the result as the whole new status. {@code rollout} is the state of
 * the current or last rollout (status.rollout), null for none.
 */
public record FunctionRecord(
    LatestRecord latest, PublishedRecord published, ServedRecord served, RolloutState rollout) {

  public FunctionRecord(LatestRecord latest, PublishedRecord published, ServedRecord served) {
    this(latest, published, served, null);
  }

  public static FunctionRecord empty() {
    return new FunctionRecord(LatestRecord.empty(), PublishedRecord.empty(), ServedRecord.empty());
  }

  FunctionRecord named(FunctionDesired d) {
    return new FunctionRecord(latest.named(d), published, served.named(d.alias()), rollout);
  }

  FunctionRecord refused() {
    return new FunctionRecord(latest.refused(), published, served.refused(), rollout);
  }

  FunctionRecord seen(FunctionView v) {
    return new FunctionRecord(latest.seen(v), published, served, rollout);
  }

  FunctionRecord sent(FunctionDesired d, boolean code) {
    return new FunctionRecord(latest.sent(d, code), published, served, rollout);
  }

  FunctionRecord matched(FunctionDesired d) {
    return new FunctionRecord(latest.matched(d), published, served, rollout);
  }

  /** CreateFunction answered: the function exists, and so may its first version. */
  public FunctionRecord created(FunctionDesired d, FunctionView v, VersionView first) {
    var out =
        new FunctionRecord(latest.seen(v).sent(d, true), published.created(), served, rollout);
    return first == null ? out : out.published(first, d.configHash());
  }

  /** A version was published (PublishVersion, or CreateFunction with Publish). */
  public FunctionRecord published(VersionView v, String configHash) {
    return new FunctionRecord(latest, published.published(v, configHash), served, rollout);
  }

  FunctionRecord versionState(String state) {
    return new FunctionRecord(latest, published.state(state), served, rollout);
  }

  FunctionRecord kept(List<String> versions) {
    return new FunctionRecord(latest, published.kept(versions), served, rollout);
  }

  /** The alias serves (or is being pointed at) this version; its ARN, when known. */
  public FunctionRecord alias(String version, String arn) {
    return new FunctionRecord(latest, published, served.alias(version, arn), rollout);
  }

  FunctionRecord scaling(String version, ScalingView s, boolean settled) {
    return new FunctionRecord(latest, published, served.scaling(version, s, settled), rollout);
  }

  /** The rollout's state after this plan. */
  FunctionRecord rollout(RolloutState state) {
    return new FunctionRecord(latest, published, served, state);
  }
}
