package dev.lmi.operator.rollout;

import dev.lmi.operator.api.RolloutRules;
import java.time.Duration;
import java.util.regex.Pattern;

/** The CRD's durations (30s, 5m, 1h30m) read and written as the rollout messages show them. */
public final class Durations {
  private static final Pattern FORMAT = Pattern.compile(RolloutRules.DURATION_PATTERN);
  private static final Pattern PART = Pattern.compile("([0-9]+)([hms])");

  private Durations() {}

  /** Parses a duration of the CRD's grammar; anything else is refused naming the value. */
  public static Duration parse(String text) {
    if (text == null || text.isEmpty() || !FORMAT.matcher(text).matches()) {
      throw new IllegalArgumentException(
          "\"" + text + "\" is not " + RolloutRules.DURATION_MESSAGE);
    }
    var total = Duration.ZERO;
    var m = PART.matcher(text);
    while (m.find()) {
      var n = Long.parseLong(m.group(1));
      total =
          total.plus(
              switch (m.group(2)) {
                case "h" -> Duration.ofHours(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofSeconds(n);
              });
    }
    return total;
  }

  /** 1h30m, 5m, 2m48s, 0s: whole seconds, largest units first (sub-second parts rounded up). */
  public static String format(Duration d) {
    var seconds = Math.max(0, d.getSeconds() + (d.getNano() > 0 ? 1 : 0));
    var out = new StringBuilder();
    if (seconds >= 3600) {
      out.append(seconds / 3600).append('h');
    }
    if (seconds % 3600 >= 60) {
      out.append(seconds % 3600 / 60).append('m');
    }
    if (seconds % 60 > 0 || out.isEmpty()) {
      out.append(seconds % 60).append('s');
    }
    return out.toString();
  }
}
