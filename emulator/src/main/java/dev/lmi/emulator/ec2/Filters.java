package dev.lmi.emulator.ec2;

import dev.lmi.emulator.http.ApiException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/** EC2 filter semantics: AND across filters, OR across values, '*' and '?' wildcards. */
final class Filters {
  private Filters() {}

  /**
   * True when the resource passes every filter. {@code attribute} returns the resource's values for
   * a filter name, or null when that name is not a valid filter for this resource type.
   */
  static boolean matches(
      Map<String, List<String>> filters,
      Map<String, String> tags,
      Function<String, List<String>> attribute) {
    for (var f : filters.entrySet()) {
      var actual = values(f.getKey(), tags, attribute);
      if (f.getValue().stream().noneMatch(w -> actual.stream().anyMatch(a -> glob(w, a)))) {
        return false;
      }
    }
    return true;
  }

  /** Rejects unknown filter names the way EC2 does. */
  static void check(Map<String, List<String>> filters, Set<String> known) {
    for (var name : filters.keySet()) {
      if (!known.contains(name) && !name.startsWith("tag:") && !name.equals("tag-key")) {
        throw new ApiException(
            400, "InvalidParameterValue", "The filter '" + name + "' is invalid");
      }
    }
  }

  private static List<String> values(
      String name, Map<String, String> tags, Function<String, List<String>> attribute) {
    if (name.startsWith("tag:")) {
      var v = tags.get(name.substring(4));
      return v == null ? List.of() : List.of(v);
    }
    if (name.equals("tag-key")) {
      return List.copyOf(tags.keySet());
    }
    var v = attribute.apply(name);
    return v == null ? List.of() : v;
  }

  private static boolean glob(String pattern, String value) {
    if (!pattern.contains("*") && !pattern.contains("?")) {
      return pattern.equals(value);
    }
    var regex = Pattern.quote(pattern).replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q");
    return value != null && value.matches(regex);
  }
}
