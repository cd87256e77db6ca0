package dev.lmi.operator.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;

/**
 * Turns JSON into the Java values CEL-Java takes (Map, List, Long, Double, String, Boolean), typed
 * by the schema as the API server types them: {@code integer} is int, {@code number} is double.
 */
final class CelValues {
  private CelValues() {}

  static Object of(JsonNode schema, JsonNode data) {
    if (data == null || data.isNull() || data.isMissingNode()) {
      return null;
    }
    if (data.isObject()) {
      var map = new LinkedHashMap<String, Object>();
      data.properties()
          .forEach(e -> map.put(e.getKey(), of(childSchema(schema, e.getKey()), e.getValue())));
      return map;
    }
    if (data.isArray()) {
      var list = new ArrayList<Object>();
      data.forEach(item -> list.add(of(schema.path("items"), item)));
      return list;
    }
    return scalar(schema.path("type").asText(""), data);
  }

  static JsonNode childSchema(JsonNode schema, String field) {
    var properties = schema.path("properties");
    return properties.has(field) ? properties.get(field) : schema.path("additionalProperties");
  }

  private static Object scalar(String type, JsonNode data) {
    if (data.isBoolean()) {
      return data.booleanValue();
    }
    if (data.isNumber()) {
      if ("number".equals(type) || !data.canConvertToExactIntegral()) {
        return data.doubleValue();
      }
      return data.longValue();
    }
    return data.asText();
  }
}
