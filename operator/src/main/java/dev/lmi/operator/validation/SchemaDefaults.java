package dev.lmi.operator.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Structural defaulting as the API server does it before validation: nulls of non-nullable fields
 * are dropped, then a property with a schema {@code default} is filled in when absent in an object
 * that is present, recursively.
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
    pruneNulls(schema, object);
    schema
        .path("properties")
        .properties()
        .forEach(
            p -> {
              if (!object.has(p.getKey()) && p.getValue().has("default")) {
                object.set(p.getKey(), p.getValue().get("default").deepCopy());
              }
            });
    object
        .properties()
        .forEach(e -> apply(CelValues.childSchema(schema, e.getKey()), e.getValue()));
  }

  // The API server drops nulls of non-nullable fields before defaulting (a chart rendering
  // "imageUri: null" is accepted), so they must not count as wrong types here.
  private static void pruneNulls(JsonNode schema, ObjectNode object) {
    object
        .properties()
        .removeIf(
            e -> {
              var childSchema = CelValues.childSchema(schema, e.getKey());
              return e.getValue().isNull()
                  && childSchema.isObject()
                  && !childSchema.path("nullable").asBoolean(false);
            });
  }
}
