package dev.lmi.emulator.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Shape constraints of capacity-provider requests (the SDK checks none of them). */
final class ProviderValidation {
  private static final String METRIC = "LambdaCapacityProviderAverageCPUUtilization";

  private ProviderValidation() {}

  static void create(ObjectNode body) {
    var v = new Validator();
    var name = Json.text(body, "CapacityProviderName");
    if (v.required(body.get("CapacityProviderName"), "capacityProviderName")) {
      v.string(name, "capacityProviderName", 1, 140, Patterns.PROVIDER_NAME_OR_ARN);
    }
    vpcConfig(v, body.get("VpcConfig"));
    var perms = body.get("PermissionsConfig");
    var rolePath = "permissionsConfig.capacityProviderOperatorRoleArn";
    if (v.required(perms, "permissionsConfig")
        && v.required(perms.get("CapacityProviderOperatorRoleArn"), rolePath)) {
      var role = Json.text(perms, "CapacityProviderOperatorRoleArn");
      v.string(role, rolePath, 0, 10000, Patterns.ROLE_ARN);
    }
    instanceRequirements(v, body.get("InstanceRequirements"));
    v.string(Json.text(body, "KmsKeyArn"), "kmsKeyArn", 0, 10000, Patterns.KMS_ARN);
    v.tags(body.get("Tags"), "tags", 50);
    mutable(v, body);
    v.throwIfInvalid();
    var ir = body.path("InstanceRequirements");
    if (!ir.path("AllowedInstanceTypes").isEmpty() && !ir.path("ExcludedInstanceTypes").isEmpty()) {
      throw LambdaErrors.invalid(
          "AllowedInstanceTypes and ExcludedInstanceTypes are mutually exclusive.");
    }
  }

  private static void vpcConfig(Validator v, JsonNode vpc) {
    if (!v.required(vpc, "vpcConfig")) {
      return;
    }
    var subnets = vpc.get("SubnetIds");
    if (v.required(subnets, "vpcConfig.subnetIds")) {
      v.size(subnets, "vpcConfig.subnetIds", 1, 16);
      v.each(subnets, "vpcConfig.subnetIds", 0, 1024, Patterns.SUBNET);
    }
    var groups = vpc.get("SecurityGroupIds");
    if (v.required(groups, "vpcConfig.securityGroupIds")) {
      v.size(groups, "vpcConfig.securityGroupIds", 0, 5);
      v.each(groups, "vpcConfig.securityGroupIds", 0, 1024, Patterns.SECURITY_GROUP);
    }
  }

  static void update(ObjectNode body) {
    var v = new Validator();
    mutable(v, body);
    v.throwIfInvalid();
  }

  private static void instanceRequirements(Validator v, JsonNode ir) {
    if (ir == null || ir.isNull()) {
      return;
    }
    var arch = ir.get("Architectures");
    v.size(arch, "instanceRequirements.architectures", 1, 1);
    if (arch != null && arch.isArray()) {
      for (var i = 0; i < arch.size(); i++) {
        var path = "instanceRequirements.architectures." + (i + 1) + ".member";
        v.oneOf(arch.get(i).asText(), path, Patterns.ARCHITECTURES);
      }
    }
    for (var field : List.of("AllowedInstanceTypes", "ExcludedInstanceTypes")) {
      var path =
          "instanceRequirements." + Character.toLowerCase(field.charAt(0)) + field.substring(1);
      v.size(ir.get(field), path, 0, 400);
      v.each(ir.get(field), path, 1, 30, Patterns.INSTANCE_TYPE);
    }
  }

  /** The parts Update may change: scaling, PropagateTags and TelemetryConfig. */
  private static void mutable(Validator v, ObjectNode body) {
    scalingConfig(v, body.get("CapacityProviderScalingConfig"));
    var pt = body.get("PropagateTags");
    if (pt != null && !pt.isNull()) {
      v.oneOf(Json.text(pt, "Mode"), "propagateTags.mode", List.of("None", "Explicit"));
      v.tags(pt.get("ExplicitTags"), "propagateTags.explicitTags", 40);
    }
    var logging = body.path("TelemetryConfig").path("LoggingConfig");
    if (logging.isObject()) {
      var p = "telemetryConfig.loggingConfig";
      var level = Json.text(logging, "SystemLogLevel");
      v.oneOf(level, p + ".systemLogLevel", List.of("DEBUG", "INFO", "WARN"));
      v.string(Json.text(logging, "LogGroup"), p + ".logGroup", 1, 512, Patterns.LOG_GROUP);
    }
  }

  private static void scalingConfig(Validator v, JsonNode sc) {
    if (sc == null || sc.isNull()) {
      return;
    }
    var p = "capacityProviderScalingConfig";
    v.range(Json.integer(sc, "MaxVCpuCount"), p + ".maxVCpuCount", 2, 15000);
    v.oneOf(Json.text(sc, "ScalingMode"), p + ".scalingMode", List.of("Auto", "Manual"));
    var policies = sc.get("ScalingPolicies");
    v.size(policies, p + ".scalingPolicies", 1, 10);
    if (policies == null || !policies.isArray()) {
      return;
    }
    for (var i = 0; i < policies.size(); i++) {
      var pp = p + ".scalingPolicies." + (i + 1) + ".member";
      var policy = policies.get(i);
      if (v.required(policy.get("PredefinedMetricType"), pp + ".predefinedMetricType")) {
        var metric = Json.text(policy, "PredefinedMetricType");
        v.oneOf(metric, pp + ".predefinedMetricType", List.of(METRIC));
      }
      if (v.required(policy.get("TargetValue"), pp + ".targetValue")) {
        v.range(Json.number(policy, "TargetValue"), pp + ".targetValue", 0, 100);
      }
    }
  }
}
