package dev.lmi.operator.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * A CEL rule's failure as the API server reports it: the rule's {@code reason} picks the cause type
 * (FieldValueInvalid unless it says Forbidden, Required or Duplicate) and its message is the
 * detail.
 */
final class RuleErrors {
  private RuleErrors() {}

  static AdmissionError failed(
      JsonNode rule, String at, JsonNode schema, JsonNode data, String message) {
    var value = shown(rule, schema, data);
    return switch (rule.path("reason").asText("")) {
      case AdmissionError.FORBIDDEN -> AdmissionError.forbidden(at, message);
      case AdmissionError.REQUIRED -> AdmissionError.required(at, message);
      case AdmissionError.DUPLICATE -> AdmissionError.duplicate(at, value);
      default -> AdmissionError.invalid(at, value, message);
    };
  }

  static AdmissionError unevaluated(JsonNode rule, String at, JsonNode schema, String error) {
    var text = rule.has("message") ? rule.get("message") : rule.path("rule");
    return AdmissionError.invalid(
        at, typeOf(schema), error + " evaluating rule: " + text.asText().strip());
  }

  /**
   * The value the rule's field path points at when it is a plain value, so the message shows what
   * was typed (memoryMiB 3000); otherwise the type of the rule's node, which is all the API server
   * ever shows.
   */
  private static JsonNode shown(JsonNode rule, JsonNode schema, JsonNode data) {
    var target = rule.has("fieldPath") ? at(data, rule.get("fieldPath").asText()) : data;
    return target != null && target.isValueNode() && !target.isNull() ? target : typeOf(schema);
  }

  private static JsonNode typeOf(JsonNode schema) {
    return TextNode.valueOf(schema.path("type").asText(""));
  }

  /** Follows a field path of plain names ({@code .a.b}); null for anything else or nothing. */
  private static JsonNode at(JsonNode data, String fieldPath) {
    var node = data;
    for (var step : fieldPath.replaceFirst("^\\.", "").split("\\.")) {
      if (step.isEmpty() || step.contains("[") || node == null) {
        return null;
      }
      node = node.get(step);
    }
    return node;
  }
}
