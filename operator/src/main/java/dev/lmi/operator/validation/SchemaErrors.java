package dev.lmi.operator.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * A schema violation worded as the API server words it (kube-openapi's messages, mapped to field
 * errors as apiextensions-apiserver maps them): {@code spec.memoryMiB: Invalid value: 100:
 * spec.memoryMiB in body should be greater than or equal to 128}.
 */
final class SchemaErrors {
  private SchemaErrors() {}

  static AdmissionError of(ValidationMessage m, String path) {
    var value = m.getInstanceNode();
    var bound = m.getSchemaNode();
    var in = path + " in body";
    return switch (m.getType()) {
      case "required" -> AdmissionError.required(FieldPaths.child(path, m.getProperty()), "");
      case "type" -> typeInvalid(path, String.valueOf(m.getArguments()[0]), bound.asText());
      case "format" -> typeInvalid(path, value.asText(), bound.asText());
      case "enum" -> AdmissionError.notSupported(path, value, supported(bound));
      case "maxLength" -> AdmissionError.tooLong(path, bound.asLong());
      case "maxItems", "maxProperties" ->
          AdmissionError.tooMany(path, value.size(), bound.asLong());
      case "minimum" ->
          AdmissionError.invalid(
              path, value, in + " should be greater than or equal to " + GoFormat.number(bound));
      case "maximum" ->
          AdmissionError.invalid(
              path, value, in + " should be less than or equal to " + GoFormat.number(bound));
      case "multipleOf" ->
          AdmissionError.invalid(
              path, value, in + " should be a multiple of " + GoFormat.number(bound));
      case "minLength" ->
          AdmissionError.invalid(
              path, value, in + " should be at least " + bound.asLong() + " chars long");
      case "pattern" ->
          AdmissionError.invalid(path, value, in + " should match '" + bound.asText() + "'");
      case "minItems" ->
          AdmissionError.invalid(
              path,
              IntNode.valueOf(value.size()),
              in + " should have at least " + bound.asLong() + " items");
      case "minProperties" ->
          AdmissionError.invalid(
              path, bound, in + " should have at least " + bound.asLong() + " properties");
      default -> AdmissionError.invalid(path, value, m.getMessage());
    };
  }

  private static AdmissionError typeInvalid(String path, String actual, String expected) {
    var detail = path + " in body must be of type " + expected + ": " + GoFormat.quote(actual);
    return AdmissionError.typeInvalid(path, actual, detail);
  }

  private static List<String> supported(JsonNode values) {
    var out = new ArrayList<String>();
    values.forEach(v -> out.add(v.isTextual() ? v.asText() : v.toString()));
    return out;
  }
}
