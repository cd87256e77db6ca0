package dev.lmi.operator.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds fields the schema does not declare. The API server would prune them silently, and kubectl's
 * strict field validation rejects them; either way a typo such as {@code memoryMib} must not pass.
 */
final class UnknownFields {
  // The root schema of a CRD leaves these to the API server; metadata is checked elsewhere.
  private static final Set<String> ROOT_FIELDS = Set.of("apiVersion", "kind", "metadata");

  private UnknownFields() {}

  static List<Violation> find(JsonNode schema, JsonNode object) {
    var found = new ArrayList<Violation>();
    // The walk removes what it reports: finding works on a copy.
    walk(
        schema,
        object.deepCopy(),
        "",
        true,
        (path, field, properties) -> found.add(unknown(path, field, properties)));
    return found;
  }

  /**
   * Removes the fields the schema does not declare, as the API server prunes objects of a
   * structural schema, and returns their paths ({@code spec.foo}) in document order.
   */
  static List<String> prune(JsonNode schema, JsonNode object) {
    var pruned = new ArrayList<String>();
    walk(
        schema,
        object,
        "",
        true,
        (path, field, properties) -> pruned.add(FieldPaths.child(path, field)));
    return pruned;
  }

  /** Told of each undeclared field: the path of its object, its name, the declared ones. */
  private interface Unknown {
    void found(String path, String field, JsonNode properties);
  }

  private static void walk(JsonNode schema, JsonNode data, String path, boolean root, Unknown out) {
    if (schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
      return;
    }
    if (data instanceof ObjectNode object) {
      var undeclared = new ArrayList<String>();
      object
          .properties()
          .forEach(e -> walkField(schema, e.getKey(), e.getValue(), path, root, out, undeclared));
      undeclared.forEach(object::remove);
    } else if (data.isArray() && schema.has("items")) {
      for (var i = 0; i < data.size(); i++) {
        walk(schema.get("items"), data.get(i), FieldPaths.index(path, i), false, out);
      }
    }
  }

  private static void walkField(
      JsonNode schema,
      String field,
      JsonNode value,
      String path,
      boolean root,
      Unknown out,
      List<String> undeclared) {
    var properties = schema.path("properties");
    var additional = schema.path("additionalProperties");
    if (properties.has(field)) {
      walk(properties.get(field), value, FieldPaths.child(path, field), false, out);
    } else if (additional.isObject()) {
      walk(additional, value, FieldPaths.key(path, field), false, out);
    } else if (!(root && ROOT_FIELDS.contains(field)) && schema.has("properties")) {
      out.found(path, field, properties);
      undeclared.add(field);
    }
  }

  private static Violation unknown(String path, String field, JsonNode properties) {
    var hint = "";
    for (var known : (Iterable<String>) properties::fieldNames) {
      if (similar(field, known)) {
        hint = " (did you mean " + known + "?)";
        break;
      }
    }
    return new Violation(FieldPaths.child(path, field), "unknown field \"" + field + "\"" + hint);
  }

  // Same letters ignoring case, or at most two edits apart: catches the usual typos cheaply.
  private static boolean similar(String a, String b) {
    return a.equalsIgnoreCase(b) || editDistance(a.toLowerCase(), b.toLowerCase()) <= 2;
  }

  private static int editDistance(String a, String b) {
    var prev = new int[b.length() + 1];
    for (var j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (var i = 1; i <= a.length(); i++) {
      var cur = new int[b.length() + 1];
      cur[0] = i;
      for (var j = 1; j <= b.length(); j++) {
        var cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      prev = cur;
    }
    return prev[b.length()];
  }
}
