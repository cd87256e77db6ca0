package dev.lmi.operator.reconciler.plan;

import dev.lmi.operator.aws.ProviderView;

/**
 * What a CapacityProvider's status records, as a value: the provider as AWS last reported it, its
 * network, how many function versions hold it, and whether it was adopted.
 *
 * @param architecture the architecture AWS reports: what functions are judged against
 */
public record ProviderRecord(
    String awsName,
    String region,
    String arn,
    String state,
    String architecture,
    NetworkRecord network,
    Integer attachedVersions,
    Integer versionQuota,
    Boolean adopted) {
  /** AWS's quota of function versions per capacity provider. */
  public static final int VERSION_QUOTA = 100;

  public static ProviderRecord empty() {
    return new ProviderRecord(
        null, null, null, null, null, NetworkRecord.empty(), null, null, null);
  }

  ProviderRecord named(String name, String inRegion) {
    return new ProviderRecord(
        name, inRegion, arn, state, architecture, network, attachedVersions, versionQuota, adopted);
  }

  /** The provider as AWS just reported it (read, created or updated). */
  public ProviderRecord seen(ProviderView v) {
    return new ProviderRecord(
        awsName,
        region,
        v.arn(),
        v.state(),
        v.fixed() == null ? architecture : v.fixed().architecture(),
        network,
        attachedVersions,
        versionQuota,
        adopted);
  }

  /** Created by this operator: AWS's quota applies from now on. */
  public ProviderRecord created(ProviderView v) {
    return seen(v).quota();
  }

  /** The status names no provider this object may not write, even one written into it. */
  ProviderRecord refused() {
    return new ProviderRecord(
        awsName,
        region,
        null,
        state,
        architecture,
        network,
        attachedVersions,
        versionQuota,
        adopted);
  }

  ProviderRecord adoptedNow() {
    return new ProviderRecord(
        awsName, region, arn, state, architecture, network, attachedVersions, VERSION_QUOTA, true);
  }

  ProviderRecord attached(int versions) {
    return new ProviderRecord(
        awsName, region, arn, state, architecture, network, versions, VERSION_QUOTA, adopted);
  }

  public ProviderRecord network(NetworkRecord n) {
    return new ProviderRecord(
        awsName, region, arn, state, architecture, n, attachedVersions, versionQuota, adopted);
  }

  private ProviderRecord quota() {
    return new ProviderRecord(
        awsName,
        region,
        arn,
        state,
        architecture,
        network,
        attachedVersions,
        VERSION_QUOTA,
        adopted);
  }
}
