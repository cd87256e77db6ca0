package dev.lmi.emulator.lambda;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The checks of CreateFunction / UpdateFunctionConfiguration / UpdateFunctionCode that the botocore
 * model does not make: the LMI members and the rules of the newer model lmi-api.md follows
 * (runtimes still accepted, the 5400 s timeout, tag keys and values). The model's own constraints
 * were already checked by {@link RequestShapes}.
 */
final class FunctionValidation {
  private FunctionValidation() {}

  static void create(ObjectNode b) {
    var v = new Validator();
    v.tags(b.get("Tags"), "tags", 50);
    v.oneOf(Json.text(b, "PublishTo"), "publishTo", List.of("LATEST_PUBLISHED"));
    configuration(v, b);
    v.throwIfInvalid();
  }

  static void updateConfiguration(ObjectNode b) {
    var v = new Validator();
    configuration(v, b);
    v.throwIfInvalid();
  }

  static void updateCode(ObjectNode b) {
    var v = new Validator();
    v.oneOf(Json.text(b, "PublishTo"), "publishTo", List.of("LATEST_PUBLISHED"));
    v.throwIfInvalid();
  }

  private static void configuration(Validator v, ObjectNode b) {
    v.oneOf(Json.text(b, "Runtime"), "runtime", Patterns.RUNTIMES);
    v.range(Json.integer(b, "Timeout"), "timeout", 1, 5400);
    capacityProviderConfig(v, b);
    v.throwIfInvalid();
    environmentSize(b);
  }

  /** Lambda's 4 KB quota on a function's environment, measured on the variables as JSON. */
  private static void environmentSize(ObjectNode b) {
    var vars = b.path("Environment").path("Variables");
    var measured = vars.isObject() ? Json.write(vars) : "";
    if (measured.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 4096) {
      throw LambdaErrors.invalid(
          "Lambda was unable to configure your environment variables because the environment"
              + " variables you have provided exceeded the 4KB limit. String measured: "
              + measured);
    }
  }

  private static void capacityProviderConfig(Validator v, ObjectNode b) {
    var cpc = b.get("CapacityProviderConfig");
    if (cpc == null || cpc.isNull()) {
      return;
    }
    var p = "capacityProviderConfig.lambdaManagedInstancesCapacityProviderConfig";
    var inner = cpc.get("LambdaManagedInstancesCapacityProviderConfig");
    if (!v.required(inner, p)) {
      return;
    }
    if (v.required(inner.get("CapacityProviderArn"), p + ".capacityProviderArn")) {
      v.string(
          Json.text(inner, "CapacityProviderArn"),
          p + ".capacityProviderArn",
          1,
          140,
          Patterns.PROVIDER_ARN);
    }
    v.range(
        Json.integer(inner, "PerExecutionEnvironmentMaxConcurrency"),
        p + ".perExecutionEnvironmentMaxConcurrency",
        1,
        1600);
    v.range(
        Json.number(inner, "ExecutionEnvironmentMemoryGiBPerVCpu"),
        p + ".executionEnvironmentMemoryGiBPerVCpu",
        2.0,
        8.0);
  }
}
