package dev.lmi.operator.schedule;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.OptionalInt;

/**
 * A parsed standard 5-field cron expression: which days it fires on and at which times of those
 * days. Day of month and day of week combine as in cron(8): when both are restricted (neither
 * starts with '*') a day matching either fires; otherwise a day must match both. Immutable.
 */
public final class CronExpression {
  private final String text;
  private final long months;
  private final long daysOfMonth;
  private final long daysOfWeek;
  private final boolean domStar;
  private final boolean dowStar;
  private final int[] minutesOfDay;

  CronExpression(String text, long[] fields, boolean domStar, boolean dowStar) {
    this.text = text;
    this.daysOfMonth = fields[2];
    this.months = fields[3];
    this.daysOfWeek = fields[4];
    this.domStar = domStar;
    this.dowStar = dowStar;
    this.minutesOfDay = minutesOfDay(fields[0], fields[1]);
  }

  /** Parses standard 5-field cron (see {@link CronParser}); throws {@link CronSyntaxException}. */
  public static CronExpression parse(String text) {
    return CronParser.parse(text);
  }

  /** The expression as written. */
  public String text() {
    return text;
  }

  /** Whether the expression fires on this calendar day (at one of {@link #minutesOfDay}). */
  public boolean firesOn(LocalDate day) {
    if ((months >> day.getMonthValue() & 1) == 0) {
      return false;
    }
    return dayMatches(day.getDayOfMonth(), day.getDayOfWeek().getValue() % 7);
  }

  boolean dayMatches(int dayOfMonth, int dayOfWeek) {
    var dom = (daysOfMonth >> dayOfMonth & 1) != 0;
    var dow = (daysOfWeek >> dayOfWeek & 1) != 0;
    return domStar || dowStar ? dom && dow : dom || dow;
  }

  boolean monthMatches(int month) {
    return (months >> month & 1) != 0;
  }

  /** The times of a firing day, as minutes after midnight, ascending (1 to 1440 of them). */
  int[] minutesOfDay() {
    return minutesOfDay.clone();
  }

  int minuteOfDay(int index) {
    return minutesOfDay[index];
  }

  int timesPerDay() {
    return minutesOfDay.length;
  }

  /**
   * The longest run of days between two firing days, over the 400-year cycle of the Gregorian
   * calendar; empty when the expression never fires (e.g. "0 0 30 2 *").
   */
  public OptionalInt longestGapInDays() {
    return CronGaps.longest(this);
  }

  private static int[] minutesOfDay(long minutes, long hours) {
    var out = new int[Long.bitCount(minutes) * Long.bitCount(hours)];
    var i = 0;
    for (var h = 0; h < 24; h++) {
      for (var m = 0; m < 60 && (hours >> h & 1) != 0; m++) {
        if ((minutes >> m & 1) != 0) {
          out[i++] = h * 60 + m;
        }
      }
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CronExpression c
        && c.months == months
        && c.daysOfMonth == daysOfMonth
        && c.daysOfWeek == daysOfWeek
        && c.domStar == domStar
        && c.dowStar == dowStar
        && Arrays.equals(c.minutesOfDay, minutesOfDay);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(minutesOfDay) * 31 + Long.hashCode(daysOfMonth ^ daysOfWeek ^ months);
  }

  @Override
  public String toString() {
    return text;
  }
}
