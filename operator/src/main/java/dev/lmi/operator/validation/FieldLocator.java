package dev.lmi.operator.validation;

/**
 * Finds where a field path ({@code spec.vpc.subnetIds[2]}, {@code spec.environment[X]}) is written:
 * the key of a mapping entry, the item of a sequence, or, for a field that is absent (a missing
 * required field), the deepest part of the path that is there.
 */
final class FieldLocator {
  private FieldLocator() {}

  static Position locate(YamlNode root, String path) {
    var node = root;
    var at = root.at();
    var rest = path;
    while (!rest.isEmpty()) {
      if (rest.startsWith(".")) {
        rest = rest.substring(1);
      }
      var step = node.isSequence() ? index(node, rest) : entry(node, rest);
      if (step == null) {
        return at;
      }
      node = step.node();
      at = step.at();
      rest = rest.substring(step.consumed());
    }
    return at;
  }

  private record Step(YamlNode node, Position at, int consumed) {}

  private static Step index(YamlNode sequence, String rest) {
    var close = rest.indexOf(']');
    if (!rest.startsWith("[") || close < 0) {
      return null;
    }
    try {
      var i = Integer.parseInt(rest.substring(1, close));
      var items = sequence.items();
      return i >= 0 && i < items.size()
          ? new Step(items.get(i), items.get(i).at(), close + 1)
          : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  // Keys may hold dots or brackets themselves ("app.kubernetes.io/name"): take the longest key
  // that the path continues with, written as .key or [key].
  private static Step entry(YamlNode mapping, String rest) {
    Step best = null;
    for (var e : mapping.entries()) {
      var key = e.key();
      var consumed = -1;
      if (rest.startsWith("[" + key + "]")) {
        consumed = key.length() + 2;
      } else if (rest.startsWith(key) && ends(rest, key.length())) {
        consumed = key.length();
      }
      if (consumed > 0 && (best == null || consumed > best.consumed())) {
        best = new Step(e.value(), e.at(), consumed);
      }
    }
    return best;
  }

  private static boolean ends(String rest, int at) {
    return at == rest.length() || rest.charAt(at) == '.' || rest.charAt(at) == '[';
  }
}
