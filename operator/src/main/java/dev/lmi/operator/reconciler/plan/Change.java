package dev.lmi.operator.reconciler.plan;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One field a plan changes, with its value in AWS and the value it will get. Values that may be
 * secret (environment variables) are never carried: only {@link #HIDDEN} says one exists.
 */
public record Change(String field, String from, String to) {
  /** Stands for a value that is never shown: an environment variable's. */
  public static final String HIDDEN = "(hidden)";

  public static Change of(String field, Object from, Object to) {
    return new Change(
        field, from == null ? null : from.toString(), to == null ? null : to.toString());
  }

  /** A secret value that was added, removed or changed: which of the three, never the value. */
  public static Change hidden(String field, boolean before, boolean after) {
    return new Change(field, before ? HIDDEN : null, after ? HIDDEN : null);
  }

  /** "memoryMiB 2048 → 4096", "environment.TABLE_NAME changed", "kmsKeyArn unset → arn:...". */
  public String text() {
    if (HIDDEN.equals(from) && HIDDEN.equals(to)) {
      return field + " changed";
    }
    if (from == null && HIDDEN.equals(to)) {
      return field + " added";
    }
    if (HIDDEN.equals(from) && to == null) {
      return field + " removed";
    }
    return field + " " + shown(from) + " → " + shown(to);
  }

  /** The changes as a comma-separated list. */
  public static String text(List<Change> changes) {
    return changes.stream().map(Change::text).collect(Collectors.joining(", "));
  }

  /** The changed fields' names, comma-separated. */
  public static String fields(List<Change> changes) {
    return changes.stream().map(Change::field).collect(Collectors.joining(", "));
  }

  private static String shown(String value) {
    return value == null ? "unset" : value;
  }

  /** Whether two values differ, for fields where AWS reports what it holds. */
  static boolean differs(Object desired, Object actual) {
    return !Objects.equals(desired, actual);
  }
}
