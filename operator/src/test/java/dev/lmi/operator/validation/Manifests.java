package dev.lmi.operator.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test helper: reads the shipped examples and breaks them with small path=value edits. */
final class Manifests {
  /** The repository's examples/ folder (tests run in operator/). */
  static final Path EXAMPLES = Path.of("..", "examples");

  static final YAMLMapper YAML = new YAMLMapper();

  private Manifests() {}

  static ObjectNode example(String file) {
    try {
      return (ObjectNode) YAML.readTree(Files.readString(EXAMPLES.resolve(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Applies edits separated by ";": {@code a.b[2].c=<YAML value>} sets (creating objects on the
   * way), {@code a.b-} removes.
   */
  static ObjectNode edit(ObjectNode object, String edits) {
    var copy = object.deepCopy();
    for (var edit : edits.split(";")) {
      var e = edit.strip();
      if (e.endsWith("-")) {
        remove(copy, e.substring(0, e.length() - 1));
      } else {
        var eq = e.indexOf('=');
        set(copy, e.substring(0, eq), parse(e.substring(eq + 1)));
      }
    }
    return copy;
  }

  private static JsonNode parse(String yaml) {
    try {
      return YAML.readTree(yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void set(ObjectNode root, String path, JsonNode value) {
    var segments = path.split("\\.");
    JsonNode node = root;
    for (var i = 0; i < segments.length - 1; i++) {
      node = child(node, segments[i], true);
    }
    var last = segments[segments.length - 1];
    if (last.endsWith("]")) {
      var name = last.substring(0, last.indexOf('['));
      var index = Integer.parseInt(last.substring(last.indexOf('[') + 1, last.length() - 1));
      ((ArrayNode) node.get(name)).set(index, value);
    } else {
      ((ObjectNode) node).set(last, value);
    }
  }

  private static void remove(ObjectNode root, String path) {
    var segments = path.split("\\.");
    JsonNode node = root;
    for (var i = 0; i < segments.length - 1; i++) {
      node = child(node, segments[i], false);
    }
    ((ObjectNode) node).remove(segments[segments.length - 1]);
  }

  private static JsonNode child(JsonNode node, String segment, boolean create) {
    if (segment.endsWith("]")) {
      var name = segment.substring(0, segment.indexOf('['));
      var index =
          Integer.parseInt(segment.substring(segment.indexOf('[') + 1, segment.length() - 1));
      return node.get(name).get(index);
    }
    var object = (ObjectNode) node;
    if (!object.has(segment) && create) {
      object.putObject(segment);
    }
    return object.get(segment);
  }
}
