package dev.lmi.operator.schedule;

import java.util.List;

/** The five fields of a standard cron expression, with their ranges and names. */
enum CronField {
  MINUTE("minute", 0, 59, List.of()),
  HOUR("hour", 0, 23, List.of()),
  DAY_OF_MONTH("day-of-month", 1, 31, List.of()),
  MONTH(
      "month",
      1,
      12,
      List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")),
  // 0 and 7 are both Sunday, as in cron(8).
  DAY_OF_WEEK("day-of-week", 0, 7, List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"));

  private final String label;
  private final int min;
  private final int max;
  private final List<String> names;

  CronField(String label, int min, int max, List<String> names) {
    this.label = label;
    this.min = min;
    this.max = max;
    this.names = names;
  }

  String label() {
    return label;
  }

  int min() {
    return min;
  }

  int max() {
    return max;
  }

  /** The value a name stands for (MON is 1, JAN is 1), or -1 when it is no name of this field. */
  int valueOfName(String token) {
    var i = names.indexOf(token.toUpperCase(java.util.Locale.ROOT));
    return i < 0 ? -1 : i + (this == MONTH ? 1 : 0);
  }

  boolean hasNames() {
    return !names.isEmpty();
  }

  /** How a value of this field is written, for messages: "0-59", or "1-12 or JAN-DEC". */
  String range() {
    var numbers = min + "-" + max;
    return hasNames()
        ? numbers + " or " + names.get(0) + "-" + names.get(names.size() - 1)
        : numbers;
  }
}
