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

  private static final int SHOWN_CHARACTERS = 80;
  // Environment values may hold what should have been a secret reference: never quote them back
  // (messages reach the object's status and Events through the operator's own check).
  private static final String SENSITIVE = "spec.environment";
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
    if (value != null && value.isValueNode() && !path.startsWith(SENSITIVE)) {
      text = "invalid value " + shown(value) + ": " + text;
    }
    return new Violation(path, text);
  }

  // A value is quoted back only as far as a reader needs: a 3 MiB string once per problem is noise.
  private static String shown(JsonNode value) {
    var text = value.toString();
    if (text.length() <= SHOWN_CHARACTERS) {
      return text;
    }
    return text.substring(0, SHOWN_CHARACTERS)
        + "…\" (%d characters)".formatted(value.asText().length());
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
      if (object.path("pattern").isTextual()) {
        object.put("pattern", asGoRegex(object.get("pattern").asText()));
      }
    }
    node.forEach(SchemaChecks::strip);
  }

  /**
   * The API server matches patterns with Go's RE2, where {@code $} is the end of the text; in Java
   * it also matches before a final line break (a newline or U+2028), which would pass here and fail
   * there. Outside character classes, {@code $} becomes {@code \z}.
   */
  static String asGoRegex(String pattern) {
    var out = new StringBuilder();
    var inClass = false;
    for (var i = 0; i < pattern.length(); i++) {
      var c = pattern.charAt(i);
      if (c == '\\' && i + 1 < pattern.length()) {
        out.append(c).append(pattern.charAt(++i));
        continue;
      }
      if (c == '[') {
        inClass = true;
      } else if (c == ']') {
        inClass = false;
      }
      out.append(c == '$' && !inClass ? "\\z" : String.valueOf(c));
    }
    return out.toString();
  }
}
