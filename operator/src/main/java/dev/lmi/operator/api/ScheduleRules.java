package dev.lmi.operator.api;

/**
 * The shape of {@code spec.scaling.schedules[].cron} and {@code timeZone} as CEL and OpenAPI can
 * check it at apply time. The values themselves (ranges, names, whether the expression ever fires,
 * whether the zone exists) are checked by validate and the operator, with messages naming the
 * field.
 */
public final class ScheduleRules {
  private static final String VALUE = "([0-9]{1,2}|[A-Za-z]{3})";
  private static final String ITEM = "([*]|" + VALUE + "(-" + VALUE + ")?)(/[0-9]{1,2})?";
  private static final String FIELD = ITEM + "(," + ITEM + ")*";

  /** Five fields separated by spaces, or a macro. */
  public static final String CRON_SHAPE =
      "^ *(@(yearly|annually|monthly|weekly|daily|midnight|hourly)|"
          + FIELD
          + "( +"
          + FIELD
          + "){4}) *$";

  public static final String CRON_RULE = "self.matches('" + CRON_SHAPE + "')";

  public static final String CRON_MESSAGE =
      "cron must be standard 5-field cron: minute hour day-of-month month day-of-week separated by"
          + " spaces (e.g. \"0 20 * * MON-FRI\"), or @yearly, @monthly, @weekly, @daily or"
          + " @hourly; EventBridge and Quartz syntax (6 fields, '?', 'L', 'W', '#') is not"
          + " accepted";

  /** An IANA time zone name such as Europe/Berlin, America/Argentina/Buenos_Aires or UTC. */
  public static final String TIME_ZONE_PATTERN = "^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+){0,3}$";

  /** Schedules per function: enough for a week of distinct windows, few enough to read. */
  public static final int MAX_SCHEDULES = 20;

  private ScheduleRules() {}
}
