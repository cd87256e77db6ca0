package dev.lmi.operator.reconciler.plan;

import dev.lmi.operator.api.CapacityProviderStatus;
import dev.lmi.operator.api.LmiFunctionStatus;
import dev.lmi.operator.api.ScalingStatus;
import dev.lmi.operator.rollout.RolloutState;

/** Reads status records out of the statuses, and writes them back field by field. */
public final class StatusRecords {
  private StatusRecords() {}

  public static FunctionRecord function(LmiFunctionStatus st) {
    if (st == null) {
      return FunctionRecord.empty();
    }
    var sc = st.getScaling();
    return new FunctionRecord(
        new LatestRecord(
            st.getAwsName(),
            st.getFunctionArn(),
            Boolean.TRUE.equals(st.getNameTaken()),
            st.getState(),
            st.getLastUpdateStatus(),
            st.getCodeSha256(),
            st.getCodeIdentity(),
            st.getConfigHash(),
            st.getLatestHash(),
            st.getCapacityProviderArn()),
        new PublishedRecord(
            st.getPublishedVersion(),
            st.getPublishedVersionState(),
            st.getPublishedHash(),
            st.getFailedVersion(),
            st.getVersions()),
        new ServedRecord(
            st.getAliasName(),
            st.getAliasArn(),
            st.getAliasVersion(),
            sc == null ? null : sc.getVersion(),
            sc == null ? null : sc.getMinExecutionEnvironments(),
            sc == null ? null : sc.getMaxExecutionEnvironments(),
            sc == null ? null : sc.getSettled()),
        RolloutState.from(st.getRollout()));
  }

  /** Sets every field the record holds; the conditions and the plan are not the record's. */
  public static void write(FunctionRecord r, LmiFunctionStatus st) {
    var l = r.latest();
    st.setAwsName(l.awsName());
    st.setFunctionArn(l.functionArn());
    st.setNameTaken(l.nameTaken() ? Boolean.TRUE : null);
    st.setState(l.state());
    st.setLastUpdateStatus(l.lastUpdateStatus());
    st.setCodeSha256(l.codeSha256());
    st.setCodeIdentity(l.codeIdentity());
    st.setConfigHash(l.configHash());
    st.setLatestHash(l.latestHash());
    st.setCapacityProviderArn(l.capacityProviderArn());
    var p = r.published();
    st.setPublishedVersion(p.version());
    st.setPublishedVersionState(p.state());
    st.setPublishedHash(p.hash());
    st.setFailedVersion(p.failedVersion());
    st.setVersions(p.versions());
    var s = r.served();
    st.setAliasName(s.aliasName());
    st.setAliasArn(s.aliasArn());
    st.setAliasVersion(s.aliasVersion());
    st.setScaling(s.scalingVersion() == null ? null : scaling(s));
    st.setRollout(r.rollout() == null ? null : r.rollout().toStatus());
  }

  private static ScalingStatus scaling(ServedRecord s) {
    var out = new ScalingStatus();
    out.setVersion(s.scalingVersion());
    out.setMinExecutionEnvironments(s.min());
    out.setMaxExecutionEnvironments(s.max());
    out.setSettled(s.settled());
    return out;
  }

  public static ProviderRecord provider(CapacityProviderStatus st) {
    if (st == null) {
      return ProviderRecord.empty();
    }
    return new ProviderRecord(
        st.getAwsName(),
        st.getRegion(),
        st.getArn(),
        st.getState(),
        st.getArchitecture(),
        new NetworkRecord(
            st.getVpcId(),
            st.getSubnetIds(),
            st.getSecurityGroupIds(),
            st.getAvailabilityZones(),
            st.getCreatedEndpoints()),
        st.getAttachedVersions(),
        st.getVersionQuota(),
        st.getAdopted());
  }

  public static void write(ProviderRecord r, CapacityProviderStatus st) {
    st.setAwsName(r.awsName());
    st.setRegion(r.region());
    st.setArn(r.arn());
    st.setState(r.state());
    st.setArchitecture(r.architecture());
    var n = r.network();
    st.setVpcId(n.vpcId());
    st.setSubnetIds(n.subnetIds());
    st.setSecurityGroupIds(n.securityGroupIds());
    st.setAvailabilityZones(n.availabilityZones());
    st.setCreatedEndpoints(n.createdEndpoints());
    st.setAttachedVersions(r.attachedVersions());
    st.setVersionQuota(r.versionQuota());
    st.setAdopted(r.adopted());
  }
}
