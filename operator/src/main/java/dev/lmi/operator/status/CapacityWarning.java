package dev.lmi.operator.status;

import io.fabric8.kubernetes.api.model.Condition;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The CapacityWarning condition: a maximum the capacity provider's ceiling cannot hold (status
 * True, reason MaxBeyondCeiling). A warning, not a refusal: Ready does not depend on it, and the
 * function still scales up to what the ceiling leaves.
 */
public final class CapacityWarning {
  public static final String TYPE = "CapacityWarning";
  public static final String REASON = "MaxBeyondCeiling";

  private CapacityWarning() {}

  /** The conditions with CapacityWarning set to the warning, or without it when there is none. */
  public static List<Condition> apply(
      List<Condition> current, Optional<String> warning, long generation, Clock clock) {
    if (warning.isEmpty()) {
      var present = current != null && current.stream().anyMatch(c -> TYPE.equals(c.getType()));
      return present ? Conditions.remove(current, TYPE) : current;
    }
    return Conditions.set(current, TYPE, "True", REASON, warning.get(), generation, clock);
  }
}
