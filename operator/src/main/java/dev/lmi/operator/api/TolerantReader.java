package dev.lmi.operator.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Binds a spec or status to its class without ever failing, so that no object, however written
 * (version skew between CRD and operator, a CRD applied by hand), can stop an informer: a field the
 * class does not know is skipped and named; a field it cannot read (a wrong type, an enum value
 * this version does not know) is named with the reason and left out, and binding starts again
 * without it. The caller decides what the issues mean.
 */
public final class TolerantReader {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
  // Each pass leaves out one more bad field; past this many the part is not bound at all.
  private static final int MAX_PASSES = 32;
  private static final int MAX_SHOWN = 64;

  /** A bound value (null when nothing could be bound) and what was skipped or left out. */
  public record Bound<T>(T value, List<String> unknown, List<String> invalid) {}

  private TolerantReader() {}

  /** Binds {@code node} to {@code type}; {@code root} prefixes the paths (e.g. "spec"). */
  public static <T> Bound<T> bind(JsonNode node, Class<T> type, String root) {
    var unknown = new ArrayList<String>();
    var invalid = new ArrayList<String>();
    if (node == null || node.isNull() || node.isMissingNode()) {
      return new Bound<>(null, unknown, invalid);
    }
    var tree = node.deepCopy();
    ObjectReader reader = JSON.readerFor(type).withHandler(new SkipUnknown(root, unknown));
    for (var pass = 0; pass < MAX_PASSES; pass++) {
      unknown.clear();
      try {
        T value = reader.readValue(tree);
        return new Bound<>(value, unknown, invalid);
      } catch (JsonMappingException e) {
        invalid.add(path(root, e.getPath()) + ": " + BindProblems.why(at(tree, e.getPath()), e));
        if (e.getPath().isEmpty() || !remove(tree, e.getPath())) {
          break;
        }
      } catch (IOException | RuntimeException e) {
        invalid.add(root + ": cannot be read: " + BindProblems.firstLine(e.getMessage()));
        break;
      }
    }
    return new Bound<>(null, unknown, invalid);
  }

  /** A value shown in a message: its JSON, cut short. */
  static String shown(JsonNode value) {
    var text = value == null ? "null" : value.toString();
    return text.length() <= MAX_SHOWN ? text : text.substring(0, MAX_SHOWN) + "...";
  }

  private static JsonNode at(JsonNode tree, List<JsonMappingException.Reference> path) {
    var node = tree;
    for (var ref : path) {
      node = ref.getFieldName() != null ? node.path(ref.getFieldName()) : node.path(ref.getIndex());
    }
    return node;
  }

  private static boolean remove(JsonNode tree, List<JsonMappingException.Reference> path) {
    var parent = at(tree, path.subList(0, path.size() - 1));
    var last = path.get(path.size() - 1);
    if (parent instanceof ObjectNode object && last.getFieldName() != null) {
      return object.remove(last.getFieldName()) != null;
    }
    if (parent instanceof ArrayNode array && last.getIndex() >= 0) {
      return array.remove(last.getIndex()) != null;
    }
    return false;
  }

  static String path(String root, List<JsonMappingException.Reference> refs) {
    var out = new StringBuilder(root);
    for (var ref : refs) {
      out.append(
          ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]");
    }
    return out.toString();
  }

  private static String path(String root, JsonStreamContext context) {
    var parts = new ArrayList<String>();
    for (var c = context; c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inArray()) {
        parts.add(0, "[" + c.getCurrentIndex() + "]");
      } else if (c.getCurrentName() != null) {
        parts.add(0, "." + c.getCurrentName());
      }
    }
    return root + String.join("", parts);
  }

  /** Skips a field the class does not declare and records its path. */
  private static final class SkipUnknown extends DeserializationProblemHandler {
    private final String root;
    private final List<String> found;

    SkipUnknown(String root, List<String> found) {
      this.root = root;
      this.found = found;
    }

    @Override
    public boolean handleUnknownProperty(
        DeserializationContext ctxt,
        JsonParser p,
        JsonDeserializer<?> deserializer,
        Object beanOrClass,
        String propertyName)
        throws IOException {
      // On an object or a list the parser has entered it already: name the field, not its inside.
      var token = p.currentToken();
      var context =
          token != null && token.isStructStart()
              ? p.getParsingContext().getParent()
              : p.getParsingContext();
      found.add(path(root, context));
      p.skipChildren();
      return true;
    }
  }
}
