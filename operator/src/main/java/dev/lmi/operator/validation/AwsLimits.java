package dev.lmi.operator.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/**
 * AWS limits that a CRD rule can only approximate, checked exactly here (offline by validate, and
 * by the operator before any AWS call).
 *
 * <p>Lambda's 4 KB for environment variables: Lambda measures the variables map as JSON, as its
 * error says ("exceeded the 4KB limit. String measured: {...}"). This counts the UTF-8 bytes of the
 * compact JSON object of names and values ({@code {"A":"1","B":"2"}}), with JSON's escapes ({@code
 * \"}, {@code \\}, {@code \n}, {@code \u0001}) and non-ASCII characters as their UTF-8 bytes; at
 * most 4096.
 */
final class AwsLimits {
  static final int ENVIRONMENT_BYTES = 4096;
  private static final ObjectMapper JSON = new ObjectMapper();

  private AwsLimits() {}

  static List<Violation> check(String kind, JsonNode object) {
    var variables = object.path("spec").path("environment");
    if (!"LmiFunction".equals(kind) || !variables.isObject()) {
      return List.of();
    }
    var bytes = environmentBytes(variables);
    if (bytes <= ENVIRONMENT_BYTES) {
      return List.of();
    }
    return List.of(
        new Violation(
            "spec.environment",
            "environment is %d bytes as Lambda measures it (the variables as JSON, UTF-8); Lambda allows %d"
                .formatted(bytes, ENVIRONMENT_BYTES)));
  }

  /** The size Lambda counts against its 4 KB: the compact JSON of the variables, in UTF-8. */
  static int environmentBytes(JsonNode variables) {
    try {
      return JSON.writeValueAsBytes(variables).length;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
