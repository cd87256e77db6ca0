package dev.lmi.operator.reconciler.plan;

import dev.lmi.operator.aws.VersionView;

/** Explains a failed version in words a user can act on. */
final class VersionFailures {
  private VersionFailures() {}

  static String describe(String version, VersionView v, String servingVersion) {
    var serving =
        servingVersion == null
            ? "nothing is served yet"
            : "the alias stays on version " + servingVersion;
    return "version "
        + version
        + " failed: "
        + v.stateReasonCode()
        + ": "
        + v.stateReason()
        + "; "
        + serving
        + ". "
        + remedy(v.stateReasonCode());
  }

  static String remedy(String code) {
    if (code == null) {
      return "Fix the cause and change the spec to publish again.";
    }
    return switch (code) {
      case "FunctionError.InitResourceExhausted" ->
          "Raise memoryMiB (or memoryGiBPerVCpu) or lower scaling.minExecutionEnvironments, then apply.";
      case "FunctionError.InitTimeout" ->
          "Make initialisation faster or raise timeoutSeconds, then apply.";
      case "FunctionError.InvalidEntryPoint" -> "Check spec.handler and the code package.";
      case "FunctionError.RuntimeInitError" -> "The function threw during init: check its logs.";
      case "CapacityProviderScalingLimitExceeded", "VcpuLimitExceeded" ->
          "Make room (raise the CapacityProvider's scaling.maxVCpuCount, or lower"
              + " minExecutionEnvironments here or on other functions), then change this function's"
              + " configuration or code to publish again: the operator holds back publishes that"
              + " would not fit, so something it does not count (another function, a concurrent"
              + " publish) holds the vCPUs.";
      case "InsufficientCapacity", "EC2RequestLimitExceeded" ->
          "EC2 capacity was short: allow more instance types or try again later.";
      case "InsufficientRolePermissions" -> "Grant the operator role the permissions it needs.";
      case "InvalidSubnet" -> "Check the CapacityProvider's subnets.";
      default -> "Fix the cause and change the spec to publish again.";
    };
  }
}
