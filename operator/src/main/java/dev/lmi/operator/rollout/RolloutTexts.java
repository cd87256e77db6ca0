package dev.lmi.operator.rollout;

import dev.lmi.operator.aws.AlarmView;
import dev.lmi.operator.aws.InvocationCounts;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The words of rollout messages and Events; figures always, so a reader can check the verdict. */
final class RolloutTexts {
  private static final DateTimeFormatter CLOCK =
      DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

  private RolloutTexts() {}

  /** "step 1 of 2: version 4 takes 10% (stable 3)". */
  static String step(RolloutState s) {
    return "step "
        + s.step()
        + " of "
        + s.steps()
        + ": version "
        + s.canaryVersion()
        + " takes "
        + s.weight()
        + "% (stable "
        + s.stableVersion()
        + ")";
  }

  /** The step, when its pause ends, and the figures of its window. */
  static String waiting(
      RolloutState s, Duration left, Duration pause, Analysis a, InvocationCounts c) {
    var out = new StringBuilder(step(s)).append("; ");
    if (left.isPositive() && s.stepStartedAt() != null) {
      // The end, not the time left: the message (and so the status) stays the same between looks.
      out.append(Durations.format(pause))
          .append(" pause until ")
          .append(clock(s.stepStartedAt().plus(pause)));
    } else if (left.isPositive()) {
      out.append(Durations.format(pause)).append(" pause");
    } else {
      out.append("pause of ").append(Durations.format(pause)).append(" over");
    }
    if (a != null && c != null) {
      out.append("; ").append(c.invocations()).append(" of ").append(a.minInvocations());
      out.append(" invocations, ")
          .append(c.errors())
          .append(" errors since ")
          .append(clock(c.from()));
    }
    return out.toString();
  }

  /** "error rate 0.0833 (5 errors / 60 invocations of version 4 since 12:01:00 UTC) ...". */
  static String errorRate(InvocationCounts c, BigDecimal max) {
    return "error rate "
        + rate(c)
        + " ("
        + c.errors()
        + " errors / "
        + c.invocations()
        + " invocations of version "
        + c.version()
        + " since "
        + clock(c.from())
        + ") above maxErrorRate "
        + max.toPlainString();
  }

  static String failed(Candidate c) {
    return "version " + c.version() + " failed: " + c.failure();
  }

  static String alarms(List<AlarmView> failing) {
    var missing = failing.stream().filter(AlarmView::missing).map(AlarmView::name).toList();
    if (!missing.isEmpty()) {
      return "alarm "
          + String.join(", ", missing)
          + " does not exist in CloudWatch (check the name and the function's region)";
    }
    var first = failing.get(0);
    var more = failing.size() > 1 ? " (and " + (failing.size() - 1) + " more)" : "";
    var why = first.reason() == null ? "" : ": " + first.reason();
    return "alarm " + first.name() + " is in ALARM" + more + why;
  }

  static String rate(InvocationCounts c) {
    if (c.invocations() == 0) {
      return "0";
    }
    return BigDecimal.valueOf(c.errors())
        .divide(BigDecimal.valueOf(c.invocations()), new MathContext(3))
        .stripTrailingZeros()
        .toPlainString();
  }

  static String clock(Instant t) {
    return CLOCK.format(t) + " UTC";
  }
}
