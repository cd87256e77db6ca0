package dev.lmi.emulator.lambda;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Semantic rules of Lambda Managed Instances functions (InvalidParameterValueException et al.). */
final class LmiRules {
  private LmiRules() {}

  /** Checks a complete $LATEST configuration of an LMI function against its capacity provider. */
  static void check(LambdaState s, ObjectNode c) {
    var inner =
        c.path("CapacityProviderConfig").path("LambdaManagedInstancesCapacityProviderConfig");
    var cp = provider(s, inner.path("CapacityProviderArn").asText());
    var runtime = c.path("Runtime").asText(null);
    if (runtime != null && !Patterns.LMI_RUNTIMES.contains(runtime)) {
      throw LambdaErrors.invalid(
          "Runtime Enum "
              + runtime
              + " does not support specified feature: Lambda Managed Instances");
    }
    var arch = c.path("Architectures").path(0).asText("x86_64");
    if (!arch.equals(cp.architecture())) {
      throw LambdaErrors.invalid(
          "The function architecture "
              + arch
              + " does not match the architecture of capacity provider "
              + cp.arn
              + " ("
              + cp.architecture()
              + ").");
    }
    var ratio = inner.path("ExecutionEnvironmentMemoryGiBPerVCpu").asDouble(2.0);
    memory(c.path("MemorySize").asInt(), ratio);
    if ("Text".equals(c.path("LoggingConfig").path("LogFormat").asText())) {
      throw LambdaErrors.invalid(
          "LogFormat Text is not supported for Lambda Managed Instances functions. Use JSON.");
    }
  }

  private static CapacityProvider provider(LambdaState s, String arn) {
    var cp = s.providers.get(Names.providerName(arn));
    if (cp == null || !cp.arn.equals(arn) || cp.state.equals("Deleting")) {
      throw LambdaErrors.notFound("Capacity provider not found: " + arn);
    }
    return cp;
  }

  private static void memory(int memoryMb, double ratio) {
    if (memoryMb < 2048) {
      throw LambdaErrors.invalid(
          "MemorySize "
              + memoryMb
              + " is below the minimum of 2048 MB for functions on a capacity provider.");
    }
    var vcpus = memoryMb / (ratio * 1024);
    if (Math.abs(vcpus - Math.rint(vcpus)) > 1e-9) {
      throw LambdaErrors.invalid(
          "MemorySize "
              + memoryMb
              + " must be a multiple of ExecutionEnvironmentMemoryGiBPerVCpu ("
              + ratio
              + ") x 1024 MB.");
    }
  }
}
