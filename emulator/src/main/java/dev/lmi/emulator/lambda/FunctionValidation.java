package dev.lmi.emulator.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Shape constraints of CreateFunction / UpdateFunctionConfiguration / UpdateFunctionCode. */
final class FunctionValidation {
  private FunctionValidation() {}

  static void create(ObjectNode b) {
    var v = new Validator();
    if (v.required(b.get("FunctionName"), "functionName")) {
      v.string(Json.text(b, "FunctionName"), "functionName", 1, 140, Patterns.FUNCTION_NAME);
    }
    if (v.required(b.get("Role"), "role")) {
      v.string(Json.text(b, "Role"), "role", 0, 10000, Patterns.ROLE_ARN);
    }
    v.required(b.get("Code"), "code");
    v.oneOf(Json.text(b, "PackageType"), "packageType", List.of("Zip", "Image"));
    v.tags(b.get("Tags"), "tags", 50);
    v.oneOf(Json.text(b, "PublishTo"), "publishTo", List.of("LATEST_PUBLISHED"));
    configuration(v, b);
    architectures(v, b.get("Architectures"));
    v.throwIfInvalid();
  }

  static void updateConfiguration(ObjectNode b) {
    var v = new Validator();
    v.string(Json.text(b, "Role"), "role", 0, 10000, Patterns.ROLE_ARN);
    configuration(v, b);
    v.throwIfInvalid();
  }

  static void updateCode(ObjectNode b) {
    var v = new Validator();
    v.oneOf(Json.text(b, "PublishTo"), "publishTo", List.of("LATEST_PUBLISHED"));
    architectures(v, b.get("Architectures"));
    v.throwIfInvalid();
  }

  private static void configuration(Validator v, ObjectNode b) {
    v.oneOf(Json.text(b, "Runtime"), "runtime", Patterns.RUNTIMES);
    v.string(Json.text(b, "Handler"), "handler", 0, 128, Patterns.HANDLER);
    v.string(Json.text(b, "Description"), "description", 0, 256, null);
    v.range(Json.integer(b, "Timeout"), "timeout", 1, 5400);
    v.range(Json.integer(b, "MemorySize"), "memorySize", 128, 32768);
    v.range(Json.integer(b.get("EphemeralStorage"), "Size"), "ephemeralStorage.size", 512, 10240);
    var logFormat = Json.text(b.get("LoggingConfig"), "LogFormat");
    v.oneOf(logFormat, "loggingConfig.logFormat", List.of("JSON", "Text"));
    var vars = b.path("Environment").path("Variables");
    vars.fieldNames()
        .forEachRemaining(
            k -> v.string(k, "environment.variables.key", 1, 1024, "[a-zA-Z]([a-zA-Z0-9_])+"));
    capacityProviderConfig(v, b);
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

  private static void architectures(Validator v, JsonNode arch) {
    v.size(arch, "architectures", 1, 1);
    if (arch != null && arch.isArray()) {
      for (var i = 0; i < arch.size(); i++) {
        v.oneOf(
            arch.get(i).asText(), "architectures." + (i + 1) + ".member", Patterns.ARCHITECTURES);
      }
    }
  }
}
