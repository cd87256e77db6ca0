package dev.lmi.sandbox.kube;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A field selector on core/v1 Events ({@code involvedObject.name=x,type!=Normal}), matched as the
 * API server matches it: only the fields Events declare selectable, {@code =}, {@code ==} and
 * {@code !=}, values with {@code \,} {@code \=} {@code \\} escapes; a missing field is "".
 */
record FieldSelector(List<Requirement> requirements) {
  /** The selectable fields of an Event and where each is in the object. */
  static final Map<String, String> EVENT_FIELDS =
      Map.ofEntries(
          Map.entry("metadata.name", "metadata.name"),
          Map.entry("metadata.namespace", "metadata.namespace"),
          Map.entry("involvedObject.kind", "involvedObject.kind"),
          Map.entry("involvedObject.namespace", "involvedObject.namespace"),
          Map.entry("involvedObject.name", "involvedObject.name"),
          Map.entry("involvedObject.uid", "involvedObject.uid"),
          Map.entry("involvedObject.apiVersion", "involvedObject.apiVersion"),
          Map.entry("involvedObject.resourceVersion", "involvedObject.resourceVersion"),
          Map.entry("involvedObject.fieldPath", "involvedObject.fieldPath"),
          Map.entry("reason", "reason"),
          Map.entry("reportingComponent", "reportingComponent"),
          Map.entry("source", "source.component"),
          Map.entry("type", "type"));

  record Requirement(String field, boolean equal, String value) {}

  /** Parses a selector; a field Events do not declare is a 400, as on a real API server. */
  static FieldSelector parse(String selector) throws Refusal {
    return parse(selector, EVENT_FIELDS.keySet());
  }

  /**
   * Refuses a selector on a custom resource's fields other than its name and namespace: the only
   * ones a CRD without selectableFields offers (the mock would silently match nothing).
   */
  static void requireMetadataOnly(String selector) throws Refusal {
    parse(selector, java.util.Set.of("metadata.name", "metadata.namespace"));
  }

  private static FieldSelector parse(String selector, java.util.Set<String> selectable)
      throws Refusal {
    var requirements = new ArrayList<Requirement>();
    for (var term : split(selector == null ? "" : selector)) {
      if (term.isBlank()) {
        continue;
      }
      var not = term.indexOf("!=");
      var eq = term.indexOf('=');
      if (eq <= 0) {
        throw new Refusal(
            ApiStatus.badRequest(
                "invalid selector: '" + selector + "'; can't understand '" + term + "'"));
      }
      var field = term.substring(0, not > 0 ? not : eq).strip();
      var value = term.substring(not > 0 ? not + 2 : term.startsWith("==", eq) ? eq + 2 : eq + 1);
      if (!selectable.contains(field)) {
        throw new Refusal(ApiStatus.badRequest("field label not supported: " + field));
      }
      requirements.add(new Requirement(field, not < 0, unescape(value.strip())));
    }
    return new FieldSelector(requirements);
  }

  boolean matches(JsonNode event) {
    for (var r : requirements) {
      var node = event;
      for (var step : EVENT_FIELDS.get(r.field()).split("\\.")) {
        node = node.path(step);
      }
      var actual = node.isValueNode() ? node.asText() : "";
      if (actual.equals(r.value()) != r.equal()) {
        return false;
      }
    }
    return true;
  }

  /** Splits on commas that are not escaped. */
  private static List<String> split(String selector) {
    var terms = new ArrayList<String>();
    var current = new StringBuilder();
    for (var i = 0; i < selector.length(); i++) {
      var c = selector.charAt(i);
      if (c == '\\' && i + 1 < selector.length()) {
        current.append(c).append(selector.charAt(++i));
      } else if (c == ',') {
        terms.add(current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    terms.add(current.toString());
    return terms;
  }

  private static String unescape(String value) {
    return value.replaceAll("\\\\([,=\\\\])", "$1");
  }
}
