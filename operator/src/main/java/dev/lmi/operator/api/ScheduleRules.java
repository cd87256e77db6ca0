package dev.lmi.operator.api;

/**
 * The shape of {@code spec.scaling.schedules[].cron} and {@code timeZone} as CEL and OpenAPI can
 * check it at apply time, value ranges included. What a regular expression cannot tell (a range
 * written backwards, an expression that never fires, a zone that does not exist) is checked by
 * validate and the operator, with messages naming the field.
 */
public final class ScheduleRules {
  private static final String MINUTE = "[0-5]?[0-9]";
  private static final String HOUR = "[01]?[0-9]|2[0-3]";
  private static final String DAY = "0?[1-9]|[12][0-9]|3[01]";
  private static final String MONTH =
      "0?[1-9]|1[0-2]|(?i:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)";
  private static final String WEEKDAY = "[0-7]|(?i:SUN|MON|TUE|WED|THU|FRI|SAT)";
  private static final String STEP = "(/([1-9][0-9]?|0[1-9]))?";
  // Each field is a list of items: '*', a value or a range of values, each with an optional step.
  // Spelled out field by field: an annotation takes only constant expressions.
  private static final String MINUTE_ITEM = "([*]|(" + MINUTE + ")(-(" + MINUTE + "))?)" + STEP;
  private static final String MINUTES = "(" + MINUTE_ITEM + "(," + MINUTE_ITEM + ")*)";
  private static final String HOUR_ITEM = "([*]|(" + HOUR + ")(-(" + HOUR + "))?)" + STEP;
  private static final String HOURS = "(" + HOUR_ITEM + "(," + HOUR_ITEM + ")*)";
  private static final String DAY_ITEM = "([*]|(" + DAY + ")(-(" + DAY + "))?)" + STEP;
  private static final String DAYS = "(" + DAY_ITEM + "(," + DAY_ITEM + ")*)";
  private static final String MONTH_ITEM = "([*]|(" + MONTH + ")(-(" + MONTH + "))?)" + STEP;
  private static final String MONTHS = "(" + MONTH_ITEM + "(," + MONTH_ITEM + ")*)";
  private static final String WEEKDAY_ITEM = "([*]|(" + WEEKDAY + ")(-(" + WEEKDAY + "))?)" + STEP;
  private static final String WEEKDAYS = "(" + WEEKDAY_ITEM + "(," + WEEKDAY_ITEM + ")*)";

  /**
   * Five fields separated by spaces, each value in its field's range and every step 1-99, or a
   * macro. Whether a range runs forwards and whether the expression ever fires are left to the
   * operator.
   */
  public static final String CRON_SHAPE =
      "^ *(@(yearly|annually|monthly|weekly|daily|midnight|hourly)|"
          + MINUTES
          + " +"
          + HOURS
          + " +"
          + DAYS
          + " +"
          + MONTHS
          + " +"
          + WEEKDAYS
          + ") *$";

  public static final String CRON_RULE = "self.matches('" + CRON_SHAPE + "')";

  public static final String CRON_MESSAGE =
      "cron must be standard 5-field cron: minute (0-59) hour (0-23) day-of-month (1-31) month"
          + " (1-12 or JAN-DEC) day-of-week (0-7 or SUN-SAT) separated by spaces, steps 1-99"
          + " (e.g. \"0 20 * * MON-FRI\"), or @yearly, @monthly, @weekly, @daily or @hourly;"
          + " EventBridge and Quartz syntax (6 fields, '?', 'L', 'W', '#') is not accepted";

  /** An IANA time zone name such as Europe/Berlin, America/Argentina/Buenos_Aires or UTC. */
  public static final String TIME_ZONE_PATTERN = "^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+){0,3}$";

  /** Schedules per function: enough for a week of distinct windows, few enough to read. */
  public static final int MAX_SCHEDULES = 20;

  private ScheduleRules() {}
}
