package dev.lmi.operator.status;

import dev.lmi.operator.api.ReadIssues;
import io.fabric8.kubernetes.api.model.Condition;
import java.time.Clock;
import java.util.List;

/**
 * The UnknownFields condition: spec fields this version of the operator does not know and ignored
 * (the CRD is newer than the operator, or was applied by hand). A warning, not a failure: Ready
 * does not depend on it.
 */
public final class IgnoredFields {
  public static final String TYPE = "UnknownFields";
  private static final int NAMED = 20;

  private IgnoredFields() {}

  /** The conditions with UnknownFields set when fields were ignored, and without it otherwise. */
  public static List<Condition> apply(
      List<Condition> current, ReadIssues issues, long generation, Clock clock) {
    var unknown = issues.unknownFields();
    if (unknown.isEmpty()) {
      var present = current != null && current.stream().anyMatch(c -> TYPE.equals(c.getType()));
      return present ? Conditions.remove(current, TYPE) : current;
    }
    var named = String.join(", ", unknown.subList(0, Math.min(NAMED, unknown.size())));
    var more = unknown.size() > NAMED ? " and " + (unknown.size() - NAMED) + " more" : "";
    return Conditions.set(
        current,
        TYPE,
        "True",
        "FieldsIgnored",
        "this version of the operator does not know "
            + named
            + more
            + "; they are ignored (the CRD may be newer than the operator)",
        generation,
        clock);
  }
}
