package dev.lmi.operator.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Structural defaulting as the API server does it before validation: a property with a schema
 * {@code default} is filled in when absent (or null) in an object that is present, recursively.
 */
final class SchemaDefaults {
  private SchemaDefaults() {}

  /** Fills in defaults in place. */
  static void apply(JsonNode schema, JsonNode data) {
    if (data instanceof ObjectNode object) {
      applyToObject(schema, object);
    } else if (data instanceof ArrayNode array && schema.has("items")) {
      array.forEach(item -> apply(schema.get("items"), item));
    }
  }

  private static void applyToObject(JsonNode schema, ObjectNode object) {
    var properties = schema.path("properties");
    properties
        .properties()
        .forEach(
            p -> {
              var value = object.get(p.getKey());
              if ((value == null || value.isNull()) && p.getValue().has("default")) {
                object.set(p.getKey(), p.getValue().get("default").deepCopy());
              }
            });
    var additional = schema.path("additionalProperties");
    object
        .properties()
        .forEach(
            e -> {
              var childSchema =
                  properties.has(e.getKey()) ? properties.get(e.getKey()) : additional;
              if (childSchema.isObject()) {
                apply(childSchema, e.getValue());
              }
            });
  }
}
