package dev.lmi.operator.rollout;

import dev.lmi.operator.aws.AlarmView;
import dev.lmi.operator.aws.InvocationCounts;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * The analysis verdicts of one look. Alarms are checked at every look, from the first invocation
 * on: any in ALARM, or any name that matches no alarm, fails. INSUFFICIENT_DATA passes (a new or
 * quiet alarm has no data), as in CodeDeploy. The error rate is judged only once the step's window
 * holds minInvocations (at least one) invocations of the canary.
 */
final class StepJudge {
  private StepJudge() {}

  /** Why the rollout must roll back now, or empty. */
  static Optional<String> failure(Analysis analysis, Readings readings) {
    if (analysis == null || readings == null) {
      return Optional.empty();
    }
    var failing = readings.alarms().stream().filter(a -> a.inAlarm() || a.missing()).toList();
    if (!failing.isEmpty()) {
      return Optional.of(RolloutTexts.alarms(failing));
    }
    var c = readings.counts();
    if (c != null
        && analysis.maxErrorRate() != null
        && judged(analysis, c)
        && above(c, analysis.maxErrorRate())) {
      return Optional.of(RolloutTexts.errorRate(c, analysis.maxErrorRate()));
    }
    return Optional.empty();
  }

  /** True when the step has served the invocations it needs (always, without analysis). */
  static boolean enoughInvocations(Analysis analysis, Readings readings) {
    if (analysis == null || analysis.minInvocations() == 0) {
      return true;
    }
    var c = readings == null ? null : readings.counts();
    return c != null && c.invocations() >= analysis.minInvocations();
  }

  /** Alarms that are not OK yet do not fail a start; they hold it until they are. */
  static Optional<AlarmView> blockingStart(Readings readings) {
    return readings == null
        ? Optional.empty()
        : readings.alarms().stream().filter(AlarmView::inAlarm).findFirst();
  }

  private static boolean judged(Analysis analysis, InvocationCounts c) {
    return c.invocations() > 0 && c.invocations() >= analysis.minInvocations();
  }

  /** errors / invocations > max, exactly: errors > max × invocations. */
  static boolean above(InvocationCounts c, BigDecimal max) {
    return BigDecimal.valueOf(c.errors())
            .compareTo(max.multiply(BigDecimal.valueOf(c.invocations())))
        > 0;
  }
}
