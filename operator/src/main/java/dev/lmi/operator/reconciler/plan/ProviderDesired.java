package dev.lmi.operator.reconciler.plan;

import dev.lmi.operator.api.Api;
import dev.lmi.operator.api.CapacityProvider;
import dev.lmi.operator.api.Defaults;
import dev.lmi.operator.aws.ProviderFixed;
import dev.lmi.operator.aws.ProviderTunables;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a CapacityProvider asks of AWS, derived purely from its spec and its resolved network. */
public record ProviderDesired(
    String name, ProviderFixed fixed, ProviderTunables tunables, Map<String, String> tags) {

  /** The desired state, given the subnets and security groups the network check resolved. */
  public static ProviderDesired of(
      CapacityProvider cp, List<String> subnetIds, List<String> securityGroupIds, String owner) {
    var spec = cp.getSpec();
    var ir = spec.getInstanceRequirements();
    var arch =
        ir == null || ir.getArchitecture() == null
            ? Defaults.ARCHITECTURE
            : ir.getArchitecture().wire();
    var fixed =
        new ProviderFixed(
            List.copyOf(subnetIds),
            List.copyOf(securityGroupIds),
            spec.getOperatorRoleArn(),
            arch,
            ir == null ? null : ir.getAllowedInstanceTypes(),
            ir == null ? null : ir.getExcludedInstanceTypes(),
            spec.getKmsKeyArn());
    return new ProviderDesired(cp.awsName(), fixed, tunables(cp), tags(cp, owner));
  }

  /** Scaling, tag propagation and telemetry: the settings AWS updates in place. */
  static ProviderTunables tunables(CapacityProvider cp) {
    var spec = cp.getSpec();
    var s = spec.getScaling();
    var p = spec.getPropagateTags();
    var t = spec.getTelemetry();
    return new ProviderTunables(
        s == null ? null : s.getMaxVCpuCount(),
        s == null ? null : s.getMode() == null ? Defaults.SCALING_MODE : s.getMode().wire(),
        s == null ? null : s.getTargetCpuUtilization(),
        p == null ? null : p.getMode().wire(),
        p == null ? null : p.getExplicitTags(),
        t == null || t.getSystemLogLevel() == null ? null : t.getSystemLogLevel().wire(),
        t == null ? null : t.getLogGroup());
  }

  static Map<String, String> tags(CapacityProvider cp, String owner) {
    var tags = new LinkedHashMap<String, String>();
    if (cp.getSpec().getTags() != null) {
      tags.putAll(cp.getSpec().getTags());
    }
    tags.put(Api.OWNER_TAG, owner);
    return tags;
  }

  /** The owner tag's value for this provider: cluster, kind, name and uid. */
  public static String owner(String clusterName, CapacityProvider cp) {
    return Ownership.tag(identity(clusterName, cp), cp.getMetadata().getUid());
  }

  /** The owner tag's value without the uid: whichever provider has this name in this cluster. */
  public static String identity(String clusterName, CapacityProvider cp) {
    return Ownership.identity(clusterName, "CapacityProvider", null, cp.getMetadata().getName());
  }
}
