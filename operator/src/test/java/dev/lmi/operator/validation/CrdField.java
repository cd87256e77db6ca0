package dev.lmi.operator.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Optional;

/**
 * Test helper: one field of a generated CRD ({@code spec.code.s3.bucket}), or the keys, values or
 * items of one ({@code spec.tags{key}}, {@code spec.tags{value}}, {@code spec.layers[]}), and
 * whether the offline validator's schema and CEL checks accept a value there.
 */
final class CrdField {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final String VALID_KEY = "KEY_A";

  private final JsonNode schema;
  private final String role;
  private final SchemaChecks checks;

  private CrdField(JsonNode schema, String role) {
    this.schema = schema;
    this.role = role;
    this.checks = new SchemaChecks(schema);
  }

  static CrdField of(CrdCatalog catalog, String kind, String field) {
    var split = field.indexOf('{') >= 0 ? field.indexOf('{') : field.indexOf('[');
    var path = split < 0 ? field : field.substring(0, split);
    var role = split < 0 ? "" : field.substring(split);
    var schema = catalog.find("lmi.dev/v1alpha1", kind).orElseThrow().schema();
    for (var segment : path.split("\\.")) {
      schema = schema.path("properties").path(segment);
    }
    if (schema.isMissingNode()) {
      throw new IllegalArgumentException(field + " is not in the " + kind + " CRD");
    }
    return new CrdField(schema, role);
  }

  /** Whether the CRD takes {@code value} at this field (its OpenAPI schema and its CEL rules). */
  boolean accepts(JsonNode value) {
    var data =
        switch (role) {
          case "{key}" -> JSON.objectNode().put(value.asText(), "v");
          case "{value}" -> JSON.objectNode().set(VALID_KEY, value);
          case "[]" -> JSON.arrayNode().add(value);
          default -> value;
        };
    if (!checks.check(data).isEmpty()) {
      return false;
    }
    var cel = CelChecks.check(schema, data, null);
    return cel.violations().isEmpty() && cel.errors().isEmpty();
  }

  /** The string schema that values at this field meet (missing for map keys). */
  JsonNode stringSchema() {
    return switch (role) {
      case "{key}" -> JSON.missingNode();
      case "{value}" -> schema.path("additionalProperties");
      case "[]" -> schema.path("items");
      default -> schema;
    };
  }

  Optional<Integer> maxItems() {
    return schema.has("maxItems") ? Optional.of(schema.get("maxItems").asInt()) : Optional.empty();
  }
}
