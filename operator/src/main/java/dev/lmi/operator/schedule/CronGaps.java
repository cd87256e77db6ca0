package dev.lmi.operator.schedule;

import java.time.LocalDate;
import java.util.OptionalInt;

/**
 * How far apart the firing days of a cron expression can be. A year's firing days depend only on
 * whether it is a leap year and on the weekday of 1 January, so the 14 kinds of year are scanned
 * once and the 400-year Gregorian cycle is walked a year at a time: constant work per expression.
 */
final class CronGaps {
  private static final int CYCLE_YEARS = 400;
  private static final int FIRST_YEAR = 2000;
  private static final int[][] LEAP = calendar(2000);
  private static final int[][] COMMON = calendar(2001);

  private CronGaps() {}

  static OptionalInt longest(CronExpression cron) {
    var kinds = new int[2][7][];
    for (var leap = 0; leap < 2; leap++) {
      for (var jan1 = 0; jan1 < 7; jan1++) {
        kinds[leap][jan1] = scan(cron, leap == 1, jan1);
      }
    }
    long lastFiring = Long.MIN_VALUE;
    var longest = 0L;
    var dayIndex = 0L;
    // Two cycles, so that the gap across the end of one cycle is seen too.
    for (var y = 0; y < 2 * CYCLE_YEARS; y++) {
      var year = LocalDate.of(FIRST_YEAR + y % CYCLE_YEARS, 1, 1);
      var kind = kinds[year.isLeapYear() ? 1 : 0][year.getDayOfWeek().getValue() % 7];
      if (kind != null) {
        if (lastFiring != Long.MIN_VALUE) {
          longest = Math.max(longest, dayIndex + kind[0] - lastFiring);
        }
        longest = Math.max(longest, kind[2]);
        lastFiring = dayIndex + kind[1];
      }
      dayIndex += year.lengthOfYear();
    }
    return lastFiring == Long.MIN_VALUE ? OptionalInt.empty() : OptionalInt.of((int) longest);
  }

  // {first firing day, last firing day, longest gap inside the year}, or null when none.
  private static int[] scan(CronExpression cron, boolean leap, int jan1) {
    var days = leap ? LEAP : COMMON;
    var first = -1;
    var last = -1;
    var gap = 0;
    for (var d = 0; d < days.length; d++) {
      if (cron.monthMatches(days[d][0]) && cron.dayMatches(days[d][1], (jan1 + d) % 7)) {
        gap = last < 0 ? gap : Math.max(gap, d - last);
        first = first < 0 ? d : first;
        last = d;
      }
    }
    return first < 0 ? null : new int[] {first, last, gap};
  }

  // {month, day of month} of each day of a year.
  private static int[][] calendar(int year) {
    var date = LocalDate.of(year, 1, 1);
    var out = new int[date.lengthOfYear()][];
    for (var d = 0; d < out.length; d++, date = date.plusDays(1)) {
      out[d] = new int[] {date.getMonthValue(), date.getDayOfMonth()};
    }
    return out;
  }
}
