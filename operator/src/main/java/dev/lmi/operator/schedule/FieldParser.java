package dev.lmi.operator.schedule;

import java.util.regex.Pattern;

/** Parses one field of a standard cron expression into the values it matches, as bits. */
final class FieldParser {
  private static final Pattern NUMBER = Pattern.compile("[0-9]{1,2}");
  private static final Pattern LAST = Pattern.compile("L|LW|[0-9]{1,2}L|[A-Za-z]{3}L");
  private static final Pattern WEEKDAY = Pattern.compile("[0-9]{1,2}W");

  private FieldParser() {}

  /** Bit v is set when the field matches value v. */
  static long parse(CronField field, String text) {
    if (text.contains("?")) {
      throw error(field, "'?' is EventBridge and Quartz syntax; standard cron writes '*'");
    }
    if (text.contains("#")) {
      throw error(
          field, "'#' (the nth weekday of a month) is EventBridge and Quartz syntax, not cron's");
    }
    var bits = 0L;
    for (var item : text.split(",", -1)) {
      if (item.isEmpty()) {
        throw error(field, "\"" + text + "\" has an empty item in its list");
      }
      bits |= item(field, item);
    }
    return bits;
  }

  private static long item(CronField field, String item) {
    var slash = item.indexOf('/');
    var base = slash < 0 ? item : item.substring(0, slash);
    var step = slash < 0 ? 1 : step(field, item.substring(slash + 1));
    int from;
    int to;
    if ("*".equals(base)) {
      from = field.min();
      to = field.max();
    } else {
      var dash = base.indexOf('-');
      from = value(field, dash < 0 ? base : base.substring(0, dash), false);
      // "5/15" is "5-59/15", as cron(8) and most cron dialects read it.
      to =
          dash < 0
              ? (slash < 0 ? from : field.max())
              : value(field, base.substring(dash + 1), true);
      if (to < from) {
        throw error(field, "the range " + base + " runs backwards: write the smaller value first");
      }
    }
    var bits = 0L;
    for (var v = from; v <= to; v += step) {
      bits |= 1L << v;
    }
    return bits;
  }

  private static int step(CronField field, String text) {
    if (!NUMBER.matcher(text).matches() || Integer.parseInt(text) < 1) {
      throw error(field, "the step \"/" + text + "\" is not a number from 1 to 99");
    }
    return Integer.parseInt(text);
  }

  private static int value(CronField field, String token, boolean rangeEnd) {
    int v;
    if (NUMBER.matcher(token).matches()) {
      v = Integer.parseInt(token);
    } else if (field.valueOfName(token) >= 0) {
      v = field.valueOfName(token);
      // SUN ends a range as 7, so that FRI-SUN means Friday to Sunday.
      v = field == CronField.DAY_OF_WEEK && rangeEnd && v == 0 ? 7 : v;
    } else {
      throw error(field, notAValue(field, token));
    }
    if (v < field.min() || v > field.max()) {
      throw error(field, v + " is outside " + field.min() + "-" + field.max());
    }
    return v;
  }

  private static String notAValue(CronField field, String token) {
    if (LAST.matcher(token).matches()) {
      return "'L' (last) is EventBridge and Quartz syntax, not cron's";
    }
    if (WEEKDAY.matcher(token).matches()) {
      return "'W' (nearest weekday) is EventBridge and Quartz syntax, not cron's";
    }
    return "\"" + token + "\" is not a value of " + field.range();
  }

  static CronSyntaxException error(CronField field, String detail) {
    return new CronSyntaxException(field.label() + ": " + detail);
  }
}
