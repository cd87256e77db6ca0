package dev.lmi.sandbox.kube;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.TreeMap;

/** JSON bodies as the API server decodes and encodes them. */
final class Json {
  private static final ObjectMapper M = new ObjectMapper();

  private Json() {}

  /** A request body that must be one object. */
  static ObjectNode object(byte[] body) throws Refusal {
    try {
      return object(M.readTree(body));
    } catch (IOException e) {
      throw new Refusal(
          ApiStatus.badRequest("couldn't get version/kind; json parse error: " + Json.reason(e)));
    }
  }

  static ObjectNode object(JsonNode node) throws Refusal {
    if (node instanceof ObjectNode object) {
      return object;
    }
    throw new Refusal(
        ApiStatus.badRequest("the body of the request must be an object, not " + describe(node)));
  }

  /** What went wrong reading JSON, without Jackson's note of where the input came from. */
  static String reason(IOException e) {
    return e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
  }

  /** The object's metadata, created empty when it has none. */
  static ObjectNode metadata(ObjectNode object) {
    if (!(object.get("metadata") instanceof ObjectNode)) {
      object.putObject("metadata");
    }
    return (ObjectNode) object.get("metadata");
  }

  /** Compact JSON with the keys of every object sorted, as Go encodes a map. */
  static String sorted(JsonNode node) {
    return sortedCopy(node).toString();
  }

  private static JsonNode sortedCopy(JsonNode node) {
    if (node.isObject()) {
      var keys = new TreeMap<String, JsonNode>();
      node.properties().forEach(e -> keys.put(e.getKey(), sortedCopy(e.getValue())));
      var copy = JsonNodeFactory.instance.objectNode();
      keys.forEach(copy::set);
      return copy;
    }
    if (node.isArray()) {
      var copy = JsonNodeFactory.instance.arrayNode();
      node.forEach(item -> copy.add(sortedCopy(item)));
      return copy;
    }
    return node;
  }

  private static String describe(JsonNode node) {
    return node == null ? "nothing" : node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }
}
