package dev.lmi.sandbox.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.MockResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A label selector as the API server matches it, set-based requirements included ({@code tier in
 * (gold,silver)}, {@code !canary}), which the mock ignores (it would list everything).
 */
record LabelSelector(List<Requirement> requirements) {
  private static final ObjectMapper M = new ObjectMapper();
  // Label keys (prefix/name) and values as Kubernetes allows them.
  private static final String KEY = "([A-Za-z0-9][-A-Za-z0-9_./]*)";
  private static final String VALUE = "([-A-Za-z0-9_.]*)";
  private static final Pattern SET =
      Pattern.compile("^\\s*" + KEY + "\\s+(in|notin)\\s*\\(([-A-Za-z0-9_.,\\s]*)\\)\\s*$");
  private static final Pattern COMPARE =
      Pattern.compile("^\\s*" + KEY + "\\s*(==|!=|=)\\s*" + VALUE + "\\s*$");
  private static final Pattern EXISTS = Pattern.compile("^\\s*(!?)\\s*" + KEY + "\\s*$");

  /** One requirement: the key, and the values it must (or must not) have; null values: exists. */
  record Requirement(String key, boolean positive, Set<String> values) {
    boolean matches(JsonNode labels) {
      var present = labels.has(key);
      if (values == null) {
        return present == positive;
      }
      var in = present && values.contains(labels.get(key).asText());
      return positive ? in : !in;
    }
  }

  static LabelSelector parse(String selector) throws Refusal {
    var requirements = new ArrayList<Requirement>();
    for (var term : terms(selector == null ? "" : selector)) {
      if (!term.isBlank()) {
        requirements.add(requirement(term));
      }
    }
    return new LabelSelector(requirements);
  }

  /** A list answer of the mock with only the items this selector selects. */
  MockResponse select(MockResponse list) {
    if (requirements.isEmpty() || list.code() != 200) {
      return list;
    }
    try {
      var body = M.readTree(Store.body(list));
      if (body instanceof ObjectNode object && body.path("items").isArray()) {
        var kept = object.arrayNode();
        body.path("items")
            .forEach(
                item -> {
                  if (matches(item)) {
                    kept.add(item);
                  }
                });
        object.set("items", kept);
        list.setBody(object.toString());
      }
    } catch (IOException e) {
      // Not JSON: nothing to select from.
    }
    return list;
  }

  boolean matches(JsonNode object) {
    var labels = object.path("metadata").path("labels");
    return requirements.stream().allMatch(r -> r.matches(labels));
  }

  private static Requirement requirement(String term) throws Refusal {
    var set = SET.matcher(term);
    if (set.matches()) {
      var values = new java.util.TreeSet<String>();
      for (var value : set.group(3).split(",")) {
        values.add(value.strip());
      }
      return new Requirement(set.group(1), "in".equals(set.group(2)), values);
    }
    var compare = COMPARE.matcher(term);
    if (compare.matches()) {
      return new Requirement(
          compare.group(1), !"!=".equals(compare.group(2)), Set.of(compare.group(3)));
    }
    var exists = EXISTS.matcher(term);
    if (exists.matches()) {
      return new Requirement(exists.group(2), exists.group(1).isEmpty(), null);
    }
    throw new Refusal(
        ApiStatus.badRequest("unable to parse requirement: found '" + term.strip() + "'"));
  }

  /** Splits on the commas outside parentheses. */
  private static List<String> terms(String selector) {
    var terms = new ArrayList<String>();
    var depth = 0;
    var start = 0;
    for (var i = 0; i < selector.length(); i++) {
      var c = selector.charAt(i);
      depth += c == '(' ? 1 : c == ')' ? -1 : 0;
      if (c == ',' && depth == 0) {
        terms.add(selector.substring(start, i));
        start = i + 1;
      }
    }
    terms.add(selector.substring(start));
    return terms;
  }
}
