package dev.lmi.emulator.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lmi.emulator.http.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** Collects shape-constraint violations and reports them the way AWS's ValidationException does. */
public final class Validator {
  /** Constraint patterns are few and fixed: each is compiled once. */
  private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

  private final List<String> errors = new ArrayList<>();

  /** Throws ValidationException listing every violation collected so far, if any. */
  public void throwIfInvalid() {
    throwIfInvalid("ValidationException");
  }

  /** Throws a 400 with this error code (a service's name for it) listing every violation. */
  public void throwIfInvalid(String code) {
    if (errors.isEmpty()) {
      return;
    }
    var prefix =
        errors.size() == 1
            ? "1 validation error detected: "
            : errors.size() + " validation errors detected: ";
    throw new ApiException(400, code, prefix + String.join("; ", errors));
  }

  public boolean required(JsonNode node, String path) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      errors.add(
          "Value null at '" + path + "' failed to satisfy constraint: Member must not be null");
      return false;
    }
    return true;
  }

  public Validator string(String value, String path, int min, int max, String regex) {
    if (value == null) {
      return this;
    }
    if (value.length() < min) {
      fail(value, path, "Member must have length greater than or equal to " + min);
    } else if (value.length() > max) {
      fail(value, path, "Member must have length less than or equal to " + max);
    } else if (regex != null
        && !PATTERNS.computeIfAbsent(regex, Pattern::compile).matcher(value).matches()) {
      fail(value, path, "Member must satisfy regular expression pattern: " + regex);
    }
    return this;
  }

  public Validator range(Number value, String path, double min, double max) {
    if (value == null) {
      return this;
    }
    var text = value.toString();
    if (value.doubleValue() < min) {
      fail(text, path, "Member must have value greater than or equal to " + format(min));
    } else if (value.doubleValue() > max) {
      fail(text, path, "Member must have value less than or equal to " + format(max));
    }
    return this;
  }

  public Validator oneOf(String value, String path, List<String> allowed) {
    if (value != null && !allowed.contains(value)) {
      fail(value, path, "Member must satisfy enum value set: " + allowed);
    }
    return this;
  }

  public Validator size(JsonNode list, String path, int min, int max) {
    if (list == null || list.isNull()) {
      return this;
    }
    var text = list.toString();
    if (list.size() < min) {
      fail(text, path, "Member must have length greater than or equal to " + min);
    } else if (list.size() > max) {
      fail(text, path, "Member must have length less than or equal to " + max);
    }
    return this;
  }

  /** Each string element of a list must match the pattern and lengths. */
  public Validator each(JsonNode list, String path, int min, int max, String regex) {
    if (list != null && list.isArray()) {
      for (var i = 0; i < list.size(); i++) {
        string(list.get(i).asText(), path + "." + (i + 1) + ".member", min, max, regex);
      }
    }
    return this;
  }

  /** Map keys and values, e.g. tags: key 1–128, value 0–256, the AWS tag pattern. */
  public Validator tags(JsonNode map, String path, int maxEntries) {
    if (map == null || !map.isObject()) {
      return this;
    }
    size(map, path, 0, maxEntries);
    var pattern = "([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)";
    map.fields()
        .forEachRemaining(
            e -> {
              string(e.getKey(), path + ".key", 1, 128, pattern);
              string(e.getValue().asText(), path + ".value", 0, 256, pattern);
            });
    return this;
  }

  public Validator custom(boolean ok, String value, String path, String constraint) {
    if (!ok) {
      fail(value, path, constraint);
    }
    return this;
  }

  private void fail(String value, String path, String constraint) {
    errors.add(
        "Value '" + value + "' at '" + path + "' failed to satisfy constraint: " + constraint);
  }

  private static String format(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
