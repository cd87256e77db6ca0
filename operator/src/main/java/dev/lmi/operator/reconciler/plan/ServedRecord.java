package dev.lmi.operator.reconciler.plan;

import dev.lmi.operator.aws.ScalingView;

/**
 * What a function's status records about its alias and the scaling of the version it serves.
 *
 * @param min applied minimum execution environments, as AWS reports them
 * @param max applied maximum
 * @param settled whether AWS reports the requested scaling as applied
 */
public record ServedRecord(
    String aliasName,
    String aliasArn,
    String aliasVersion,
    String scalingVersion,
    Integer min,
    Integer max,
    Boolean settled) {

  static ServedRecord empty() {
    return new ServedRecord(null, null, null, null, null, null, null);
  }

  /** A scaling change of this version was requested and AWS has not settled it yet. */
  public boolean scalingInProgress(String version) {
    return version != null && version.equals(scalingVersion) && Boolean.FALSE.equals(settled);
  }

  /** The version's scaling is on record: it may have a config of its own in AWS. */
  public boolean scalingRecordedFor(String version) {
    return version != null && version.equals(scalingVersion);
  }

  /** The scaling on record, as a view: what a projection assumes AWS still has. */
  ScalingView view() {
    return Boolean.TRUE.equals(settled)
        ? new ScalingView(min, max, null, null)
        : new ScalingView(min, max, min, max);
  }

  ServedRecord named(String alias) {
    return new ServedRecord(alias, aliasArn, aliasVersion, scalingVersion, min, max, settled);
  }

  /** The status names no alias of a function this object may not write. */
  ServedRecord refused() {
    return new ServedRecord(aliasName, null, aliasVersion, scalingVersion, min, max, settled);
  }

  /** The alias serves (or is being pointed at) this version; its ARN, when known. */
  ServedRecord alias(String version, String arn) {
    return new ServedRecord(
        aliasName, arn != null ? arn : aliasArn, version, scalingVersion, min, max, settled);
  }

  /** The scaling AWS reports for the version (applied values), and whether it is settled. */
  ServedRecord scaling(String version, ScalingView s, boolean isSettled) {
    return new ServedRecord(
        aliasName, aliasArn, aliasVersion, version, s.appliedMin(), s.appliedMax(), isSettled);
  }
}
