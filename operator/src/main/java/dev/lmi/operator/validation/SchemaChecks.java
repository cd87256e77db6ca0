package dev.lmi.operator.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The OpenAPI part of a CRD (types, required, ranges, lengths, patterns, enums, sizes), checked as
 * JSON Schema draft 4, which the structural-schema subset of OpenAPI v3 is.
 */
final class SchemaChecks {
  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
  private static final SchemaValidatorsConfig CONFIG =
      SchemaValidatorsConfig.builder().pathType(PathType.JSON_PATH).locale(Locale.ENGLISH).build();

  private static final Pattern WHOLE_DOUBLE = Pattern.compile("\\b(\\d+)\\.0\\b");

  private final JsonSchema schema;

  SchemaChecks(JsonNode openApiSchema) {
    // Kubernetes extensions mean nothing to JSON Schema; without them the factory has nothing to
    // warn about. CEL rules are evaluated separately.
    this.schema = FACTORY.getSchema(withoutExtensions(openApiSchema), CONFIG);
  }

  List<Violation> check(JsonNode object) {
    return schema.validate(object).stream()
        .map(SchemaChecks::toViolation)
        .sorted(Comparator.comparing(Violation::path))
        .toList();
  }

  /** The same checks, worded and typed as the API server reports them. */
  List<AdmissionError> admissionErrors(JsonNode object) {
    return schema.validate(object).stream()
        .map(m -> SchemaErrors.of(m, render(m.getInstanceLocation())))
        .sorted(Comparator.comparing(AdmissionError::field))
        .toList();
  }

  private static Violation toViolation(ValidationMessage m) {
    var path = render(m.getInstanceLocation());
    if ("required".equals(m.getType())) {
      return new Violation(FieldPaths.child(path, m.getProperty()), "required field is missing");
    }
    var text = m.getMessage();
    var prefix = m.getInstanceLocation().toString() + ": ";
    text = text.startsWith(prefix) ? text.substring(prefix.length()) : text;
    // The generator writes bounds as doubles (maximum: 1600.0); integers read better.
    text = WHOLE_DOUBLE.matcher(text).replaceAll("$1");
    var value = m.getInstanceNode();
    if (value != null && value.isValueNode()) {
      text = "invalid value " + value + ": " + text;
    }
    return new Violation(path, text);
  }

  private static String render(JsonNodePath location) {
    var path = "";
    for (var i = 0; i < location.getNameCount(); i++) {
      var element = location.getElement(i);
      path =
          element instanceof Integer index
              ? FieldPaths.index(path, index)
              : FieldPaths.child(path, element.toString());
    }
    return path;
  }

  private static JsonNode withoutExtensions(JsonNode node) {
    var copy = node.deepCopy();
    strip(copy);
    return copy;
  }

  private static void strip(JsonNode node) {
    if (node instanceof ObjectNode object) {
      object.properties().removeIf(e -> e.getKey().startsWith("x-kubernetes-"));
    }
    node.forEach(SchemaChecks::strip);
  }
}
