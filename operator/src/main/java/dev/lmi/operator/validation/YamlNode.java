package dev.lmi.operator.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;

/**
 * A composed YAML node and where it starts. Aliases share nodes and merge keys are already
 * resolved, so the node reads as kubectl reads it; {@link #size()} counts its values as if every
 * alias were copied out, which is what {@link #toJson()} does.
 */
final class YamlNode {
  /** One key of a mapping, where the key is written, and its value. */
  record Entry(String key, Position at, YamlNode value) {}

  private final Position at;
  private final List<Entry> entries;
  private final List<YamlNode> items;
  private final JsonNode scalar;
  private final long size;

  private YamlNode(
      Position at, List<Entry> entries, List<YamlNode> items, JsonNode scalar, long size) {
    this.at = at;
    this.entries = entries;
    this.items = items;
    this.scalar = scalar;
    this.size = size;
  }

  static YamlNode scalar(Position at, JsonNode value) {
    return new YamlNode(at, null, null, value, 1);
  }

  static YamlNode mapping(Position at, List<Entry> entries) {
    var size = 1L;
    for (var e : entries) {
      size = saturatedAdd(size, 1 + e.value().size());
    }
    return new YamlNode(at, List.copyOf(entries), null, null, size);
  }

  static YamlNode sequence(Position at, List<YamlNode> items) {
    var size = 1L;
    for (var item : items) {
      size = saturatedAdd(size, item.size());
    }
    return new YamlNode(at, null, List.copyOf(items), null, size);
  }

  Position at() {
    return at;
  }

  boolean isMapping() {
    return entries != null;
  }

  boolean isSequence() {
    return items != null;
  }

  List<Entry> entries() {
    return entries == null ? List.of() : entries;
  }

  List<YamlNode> items() {
    return items == null ? List.of() : items;
  }

  /** Values in this node with every alias expanded (keys count too), at most Long.MAX_VALUE. */
  long size() {
    return size;
  }

  /** The value of a key of this mapping, or null. */
  YamlNode get(String key) {
    for (var e : entries()) {
      if (e.key().equals(key)) {
        return e.value();
      }
    }
    return null;
  }

  /** The text of a scalar, or null for anything else. */
  String text() {
    return scalar != null && scalar.isValueNode() && !scalar.isNull() ? scalar.asText() : null;
  }

  /** The JSON the API server would receive. Callers bound {@link #size()} first. */
  JsonNode toJson() {
    if (scalar != null) {
      return scalar;
    }
    if (items != null) {
      var array = JsonNodeFactory.instance.arrayNode(items.size());
      items.forEach(item -> array.add(item.toJson()));
      return array;
    }
    var object = JsonNodeFactory.instance.objectNode();
    entries.forEach(e -> object.set(e.key(), e.value().toJson()));
    return object;
  }

  private static long saturatedAdd(long a, long b) {
    var sum = a + b;
    return sum < 0 ? Long.MAX_VALUE : sum;
  }
}
