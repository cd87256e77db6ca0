package dev.lmi.operator.aws;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.lambda.model.CapacityProvider;

/** Reads our records out of the SDK's CapacityProvider shape, tolerating absent members. */
final class ProviderViews {
  private ProviderViews() {}

  static ProviderFixed fixed(CapacityProvider cp) {
    var vpc = cp.vpcConfig();
    var ir = cp.instanceRequirements();
    var arch =
        ir == null || ir.architecturesAsStrings().isEmpty()
            ? "x86_64"
            : ir.architecturesAsStrings().get(0);
    return new ProviderFixed(
        vpc == null ? List.of() : vpc.subnetIds(),
        vpc == null ? List.of() : vpc.securityGroupIds(),
        cp.permissionsConfig() == null
            ? null
            : cp.permissionsConfig().capacityProviderOperatorRoleArn(),
        arch,
        ir == null || !ir.hasAllowedInstanceTypes() ? null : nullIfEmpty(ir.allowedInstanceTypes()),
        ir == null || !ir.hasExcludedInstanceTypes()
            ? null
            : nullIfEmpty(ir.excludedInstanceTypes()),
        cp.kmsKeyArn());
  }

  static ProviderTunables tunables(
      CapacityProvider cp, com.fasterxml.jackson.databind.JsonNode raw) {
    var s = cp.capacityProviderScalingConfig();
    Double target = null;
    if (s != null && s.hasScalingPolicies() && !s.scalingPolicies().isEmpty()) {
      target = s.scalingPolicies().get(0).targetValue();
    }
    return new ProviderTunables(
        s == null ? null : s.maxVCpuCount(),
        s == null ? null : s.scalingModeAsString(),
        target,
        text(raw.path("PropagateTags").path("Mode")),
        explicitTags(raw.path("PropagateTags").path("ExplicitTags")),
        text(raw.path("TelemetryConfig").path("LoggingConfig").path("SystemLogLevel")),
        text(raw.path("TelemetryConfig").path("LoggingConfig").path("LogGroup")));
  }

  private static String text(com.fasterxml.jackson.databind.JsonNode n) {
    return n.isTextual() ? n.asText() : null;
  }

  private static Map<String, String> explicitTags(com.fasterxml.jackson.databind.JsonNode n) {
    var out = new java.util.TreeMap<String, String>();
    n.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }

  private static List<String> nullIfEmpty(List<String> l) {
    return l.isEmpty() ? null : l;
  }
}
