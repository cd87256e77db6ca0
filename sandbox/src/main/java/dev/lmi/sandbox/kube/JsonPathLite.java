package dev.lmi.sandbox.kube;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The subset of kubectl JSONPath that printer columns use: {@code .a.b}, {@code [n]} and {@code
 * [?(@.key=="value")]}.
 */
final class JsonPathLite {
  private static final Pattern STEP =
      Pattern.compile(
          "\\.([A-Za-z0-9_-]+)|\\[(\\d+)]|\\[\\?\\(@\\.([A-Za-z0-9_-]+)\\s*==\\s*[\"']([^\"']*)[\"']\\)]");

  private JsonPathLite() {}

  /** The first value the path selects, or null. */
  static JsonNode first(JsonNode root, String path) {
    List<JsonNode> current = List.of(root);
    var m = STEP.matcher(path.trim());
    var at = 0;
    while (at < path.trim().length()) {
      if (!m.find(at) || m.start() != at) {
        return null;
      }
      current = step(current, m);
      at = m.end();
    }
    return current.isEmpty() ? null : current.get(0);
  }

  private static List<JsonNode> step(List<JsonNode> nodes, java.util.regex.Matcher m) {
    var out = new ArrayList<JsonNode>();
    for (var node : nodes) {
      if (m.group(1) != null) {
        addIfPresent(out, node.get(m.group(1)));
      } else if (m.group(2) != null) {
        addIfPresent(out, node.get(Integer.parseInt(m.group(2))));
      } else if (node.isArray()) {
        for (var element : node) {
          var key = element.get(m.group(3));
          if (key != null && key.asText().equals(m.group(4))) {
            out.add(element);
          }
        }
      }
    }
    return out;
  }

  private static void addIfPresent(List<JsonNode> out, JsonNode node) {
    if (node != null && !node.isNull() && !node.isMissingNode()) {
      out.add(node);
    }
  }
}
