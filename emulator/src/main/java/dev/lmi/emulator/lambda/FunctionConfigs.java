package dev.lmi.emulator.lambda;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lmi.emulator.code.CodeRef;
import dev.lmi.emulator.code.CodeStore;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/** Builds and edits FunctionConfiguration JSON, and fingerprints it for publish decisions. */
final class FunctionConfigs {
  private static final List<String> VOLATILE =
      List.of(
          "FunctionArn",
          "Version",
          "LastModified",
          "RevisionId",
          "State",
          "StateReason",
          "StateReasonCode",
          "LastUpdateStatus",
          "LastUpdateStatusReason",
          "LastUpdateStatusReasonCode",
          "ConfigSha256");
  private static final List<String> EDITABLE =
      List.of(
          "Role",
          "Handler",
          "Description",
          "Timeout",
          "MemorySize",
          "Runtime",
          "VpcConfig",
          "TracingConfig",
          "DeadLetterConfig",
          "KMSKeyArn",
          "EphemeralStorage");

  private FunctionConfigs() {}

  static ObjectNode create(LambdaState s, String name, ObjectNode b, CodeRef code) {
    var c = Json.object();
    c.put("FunctionName", name).put("FunctionArn", s.functionArn(name));
    for (var f : List.of("Runtime", "Role", "Handler")) {
      if (b.hasNonNull(f)) {
        c.set(f, b.get(f));
      }
    }
    c.put("CodeSize", code.size()).put("Description", b.path("Description").asText(""));
    c.put("Timeout", b.path("Timeout").asInt(3)).put("MemorySize", b.path("MemorySize").asInt(128));
    c.put("CodeSha256", code.sha256()).put("Version", "$LATEST");
    c.putObject("TracingConfig").put("Mode", "PassThrough");
    c.put("PackageType", b.path("PackageType").asText("Zip"));
    c.set("Architectures", b.hasNonNull("Architectures") ? b.get("Architectures") : arch("x86_64"));
    c.putObject("EphemeralStorage").put("Size", 512);
    var lmi = b.hasNonNull("CapacityProviderConfig");
    var logging = c.putObject("LoggingConfig");
    logging.put("LogFormat", lmi ? "JSON" : "Text").put("LogGroup", "/aws/lambda/" + name);
    apply(c, b);
    if (b.hasNonNull("ImageConfig")) {
      c.set("ImageConfigResponse", Json.object().set("ImageConfig", b.get("ImageConfig")));
    }
    touch(c);
    return c;
  }

  /** Applies the configuration members present in an Update/Create request body. */
  static void apply(ObjectNode c, ObjectNode b) {
    for (var f : EDITABLE) {
      if (b.hasNonNull(f)) {
        c.set(f, b.get(f));
      }
    }
    if (b.hasNonNull("Layers")) {
      layers(c, b.get("Layers"));
    }
    if (b.hasNonNull("Environment")) {
      var vars = b.path("Environment").path("Variables");
      c.putObject("Environment").set("Variables", vars.isObject() ? vars : Json.object());
    }
    if (b.hasNonNull("LoggingConfig")) {
      ((ObjectNode) c.get("LoggingConfig")).setAll((ObjectNode) b.get("LoggingConfig"));
    }
    if (b.hasNonNull("CapacityProviderConfig")) {
      c.set("CapacityProviderConfig", resolved(c, b.get("CapacityProviderConfig").deepCopy()));
    }
  }

  /**
   * A request names layers by version ARN; a configuration describes each as {Arn, CodeSize}. The
   * emulator stores no layer content, so CodeSize is 0. An empty list removes the layers.
   */
  private static void layers(ObjectNode c, com.fasterxml.jackson.databind.JsonNode arns) {
    c.remove("Layers");
    if (arns.isEmpty()) {
      return;
    }
    var out = c.putArray("Layers");
    arns.forEach(arn -> out.addObject().put("Arn", arn.asText()).put("CodeSize", 0L));
  }

  static com.fasterxml.jackson.databind.node.ArrayNode arch(String value) {
    return Json.MAPPER.createArrayNode().add(value);
  }

  /** Fills the ratio and per-EE concurrency defaults, as the service echoes resolved values. */
  private static ObjectNode resolved(ObjectNode c, ObjectNode cpc) {
    var inner = (ObjectNode) cpc.get("LambdaManagedInstancesCapacityProviderConfig");
    if (!inner.hasNonNull("ExecutionEnvironmentMemoryGiBPerVCpu")) {
      inner.put("ExecutionEnvironmentMemoryGiBPerVCpu", 2.0);
    }
    if (!inner.hasNonNull("PerExecutionEnvironmentMaxConcurrency")) {
      var vcpus =
          Math.max(
              1,
              (int)
                  (c.path("MemorySize").asInt(2048)
                      / (inner.get("ExecutionEnvironmentMemoryGiBPerVCpu").asDouble() * 1024)));
      inner.put(
          "PerExecutionEnvironmentMaxConcurrency",
          Math.min(1600, perVcpu(c.path("Runtime").asText()) * vcpus));
    }
    return cpc;
  }

  private static int perVcpu(String runtime) {
    if (runtime.startsWith("nodejs")) {
      return 64;
    }
    return runtime.startsWith("python") ? 16 : 32;
  }

  static void setCode(ObjectNode c, CodeRef code) {
    c.put("CodeSha256", code.sha256()).put("CodeSize", code.size());
  }

  /** New RevisionId and LastModified, plus ConfigSha256 for LMI functions. */
  static void touch(ObjectNode c) {
    c.put("LastModified", Clock.timestamp()).put("RevisionId", UUID.randomUUID().toString());
    if (c.hasNonNull("CapacityProviderConfig")) {
      var config = fingerprint(c).replace(c.path("CodeSha256").asText(), "");
      c.put("ConfigSha256", sha256Hex(config));
    }
  }

  /** Identity of code + configuration, ignoring fields that change without a real change. */
  static String fingerprint(ObjectNode c) {
    var copy = c.deepCopy();
    copy.remove(VOLATILE);
    return Json.write(copy);
  }

  private static String sha256Hex(String text) {
    var b64 = CodeStore.sha256(text.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(java.util.Base64.getDecoder().decode(b64));
  }
}
