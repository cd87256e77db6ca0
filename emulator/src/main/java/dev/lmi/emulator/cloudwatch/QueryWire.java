package dev.lmi.emulator.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lmi.emulator.http.ApiException;
import dev.lmi.emulator.model.AwsModel;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The AWS Query protocol: form parameters ({@code AlarmNames.member.1}, {@code
 * Dimensions.member.1.Name}, {@code entry.N.key}) read into the same tree the other protocols give,
 * through the input shape; answers are XML ({@link QueryXml}).
 */
final class QueryWire {
  private static final AwsModel MODEL = AwsModel.get();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private final Map<String, String> params;
  private final Set<String> prefixes = new HashSet<>();

  private QueryWire(Map<String, String> params) {
    this.params = params;
    for (var key : params.keySet()) {
      for (var i = key.indexOf('.'); i > 0; i = key.indexOf('.', i + 1)) {
        prefixes.add(key.substring(0, i));
      }
      prefixes.add(key);
    }
  }

  /** The input tree of a query request's parameters. */
  static ObjectNode decode(Map<String, String> params, String inputShape) {
    var wire = new QueryWire(params);
    var node = wire.read("", inputShape);
    return node instanceof ObjectNode o ? o : NODES.objectNode();
  }

  private JsonNode read(String prefix, String shapeName) {
    var shape = MODEL.shape("cloudwatch", shapeName);
    return switch (shape.path("type").asText()) {
      case "structure" -> structure(prefix, shape);
      case "list" -> list(prefix, shape.path("member").path("shape").asText());
      case "map" -> map(prefix, shape);
      default -> scalar(prefix, shape.path("type").asText());
    };
  }

  private JsonNode structure(String prefix, JsonNode shape) {
    if (!prefix.isEmpty() && !prefixes.contains(prefix)) {
      return null;
    }
    var out = NODES.objectNode();
    for (var member : shape.path("members").properties()) {
      var key = prefix.isEmpty() ? member.getKey() : prefix + "." + member.getKey();
      var value = read(key, member.getValue().path("shape").asText());
      if (value != null) {
        out.set(member.getKey(), value);
      }
    }
    return out;
  }

  private JsonNode list(String prefix, String memberShape) {
    if (!prefixes.contains(prefix)) {
      return null;
    }
    var out = NODES.arrayNode();
    for (var i = 1; prefixes.contains(prefix + ".member." + i); i++) {
      out.add(read(prefix + ".member." + i, memberShape));
    }
    return out;
  }

  private JsonNode map(String prefix, JsonNode shape) {
    if (!prefixes.contains(prefix)) {
      return null;
    }
    var out = NODES.objectNode();
    for (var i = 1; prefixes.contains(prefix + ".entry." + i); i++) {
      var key = params.get(prefix + ".entry." + i + ".key");
      var value =
          read(prefix + ".entry." + i + ".value", shape.path("value").path("shape").asText());
      if (key != null && value != null) {
        out.set(key, value);
      }
    }
    return out;
  }

  private JsonNode scalar(String key, String type) {
    var text = params.get(key);
    if (text == null) {
      return null;
    }
    try {
      return switch (type) {
        case "integer", "long" -> NODES.numberNode(Long.parseLong(text.trim()));
        case "double", "float" -> NODES.numberNode(Double.parseDouble(text.trim()));
        case "boolean" -> booleanOf(key, text);
        case "timestamp" -> NODES.numberNode(Timestamps.parse(text));
        default -> NODES.textNode(text);
      };
    } catch (IllegalArgumentException e) {
      throw invalid(key, text);
    }
  }

  private static JsonNode booleanOf(String key, String text) {
    if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
      return NODES.booleanNode(Boolean.parseBoolean(text));
    }
    throw invalid(key, text);
  }

  private static ApiException invalid(String key, String text) {
    return CloudWatchErrors.invalidValue(
        "The value " + text + " for parameter " + key + " is invalid.");
  }
}
