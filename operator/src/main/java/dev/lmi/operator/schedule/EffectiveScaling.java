package dev.lmi.operator.schedule;

import dev.lmi.operator.api.EffectiveScalingStatus;
import java.time.Instant;

/**
 * The execution environments a function should run with at one instant, and why.
 *
 * @param minExecutionEnvironments the minimum to put on the live version
 * @param maxExecutionEnvironments the maximum, or null for none
 * @param source where the values come from
 * @param schedule the schedule in force (source SCHEDULE), else null
 * @param since when that schedule fired (source SCHEDULE), else null
 * @param nextFiring when a schedule fires next (the instant to requeue at), or null when none will
 *     within the search horizon or the function is suspended
 * @param nextSchedule the schedule that fires at {@code nextFiring}, or null
 */
public record EffectiveScaling(
    int minExecutionEnvironments,
    Integer maxExecutionEnvironments,
    Source source,
    String schedule,
    Instant since,
    Instant nextFiring,
    String nextSchedule) {

  /** Where effective values come from. */
  public enum Source {
    /** spec.scaling's own values: no schedule has fired (or there are none). */
    BASE,
    /** The schedule that fired last. */
    SCHEDULE,
    /** spec.suspend: zero, whatever the schedules say. */
    SUSPEND
  }

  /** True for min = max = 0: the version is scaled to zero and Lambda deactivates it. */
  public boolean deactivates() {
    return minExecutionEnvironments == 0
        && maxExecutionEnvironments != null
        && maxExecutionEnvironments == 0;
  }

  /** For messages: "schedule nights (since 2026-12-07T19:00:00Z): 0..0 execution environments". */
  public String describe() {
    var range =
        minExecutionEnvironments
            + ".."
            + (maxExecutionEnvironments == null ? "unbounded" : maxExecutionEnvironments)
            + " execution environments";
    return switch (source) {
      case BASE -> "spec.scaling: " + range;
      case SUSPEND -> "spec.suspend: " + range;
      case SCHEDULE -> "schedule " + schedule + " (since " + since + "): " + range;
    };
  }

  /** For status.effectiveScaling. */
  public EffectiveScalingStatus toStatus() {
    var s = new EffectiveScalingStatus();
    s.setWindow(
        switch (source) {
          case BASE -> "base";
          case SUSPEND -> "suspend";
          case SCHEDULE -> schedule;
        });
    s.setSince(since == null ? null : since.toString());
    s.setMinExecutionEnvironments(minExecutionEnvironments);
    s.setMaxExecutionEnvironments(maxExecutionEnvironments);
    s.setNextWindow(nextSchedule);
    s.setNextChange(nextFiring == null ? null : nextFiring.toString());
    return s;
  }
}
