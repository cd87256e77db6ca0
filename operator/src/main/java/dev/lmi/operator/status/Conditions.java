package dev.lmi.operator.status;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Builds standard conditions, keeping lastTransitionTime unless the status itself changed. */
public final class Conditions {
  public static final String READY = "Ready";

  private Conditions() {}

  /** A copy of the list with the condition of this type set. */
  public static List<Condition> set(
      List<Condition> current,
      String type,
      String status,
      String reason,
      String message,
      long generation,
      Clock clock) {
    var out = new ArrayList<Condition>();
    Condition previous = null;
    for (var c : current == null ? List.<Condition>of() : current) {
      if (type.equals(c.getType())) {
        previous = c;
      } else {
        out.add(c);
      }
    }
    var since =
        previous != null && Objects.equals(previous.getStatus(), status)
            ? previous.getLastTransitionTime()
            : Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
    out.add(
        new ConditionBuilder()
            .withType(type)
            .withStatus(status)
            .withReason(reason)
            .withMessage(message)
            .withObservedGeneration(generation)
            .withLastTransitionTime(since)
            .build());
    out.sort((a, b) -> a.getType().equals(READY) ? -1 : b.getType().equals(READY) ? 1 : 0);
    return out;
  }

  /** A copy of the list without the condition of this type. */
  public static List<Condition> remove(List<Condition> current, String type) {
    return current == null
        ? null
        : current.stream().filter(c -> !type.equals(c.getType())).toList();
  }

  /** The Ready condition's reason, or null. */
  public static String readyReason(List<Condition> conditions) {
    return conditions == null
        ? null
        : conditions.stream()
            .filter(c -> READY.equals(c.getType()))
            .map(Condition::getReason)
            .findFirst()
            .orElse(null);
  }

  /** Applies an outcome to the Ready condition. */
  public static List<Condition> ready(
      List<Condition> current, Outcome outcome, long generation, Clock clock) {
    var status = outcome.isReady() ? "True" : "False";
    return set(
        current, READY, status, outcome.reason().name(), outcome.message(), generation, clock);
  }
}
