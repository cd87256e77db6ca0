package dev.lmi.emulator.cloudwatch;

import java.util.List;

/** The periods and statistics the emulator computes, with CloudWatch's rules for them. */
final class Statistics {
  static final List<String> NAMES = List.of("SampleCount", "Average", "Sum", "Minimum", "Maximum");

  private Statistics() {}

  /** CloudWatch keeps data 455 days; no period is longer. */
  private static final long LONGEST = 455 * 86_400L;

  /** 1, 5, 10, 20, 30 seconds (high resolution) or a multiple of 60, up to 455 days. */
  static long periodMillis(long seconds, String path) {
    var ok =
        seconds > 0
            && seconds <= LONGEST
            && (seconds % 60 == 0 || List.of(1L, 5L, 10L, 20L, 30L).contains(seconds));
    if (!ok) {
      throw CloudWatchErrors.invalidValue(
          "The parameter "
              + path
              + " must be 1, 5, 10, 20, 30 or a multiple of 60 up to 455 days; it was "
              + seconds
              + ".");
    }
    return seconds * 1000;
  }

  /** One of the five simple statistics; percentiles and trimmed means are not emulated. */
  static String statistic(String name, String path) {
    if (!NAMES.contains(name)) {
      throw CloudWatchErrors.invalidValue(
          "[lmi-emulator] The value "
              + name
              + " for parameter "
              + path
              + " is not a statistic the emulator computes; use one of "
              + NAMES
              + " (percentiles and other extended statistics are not emulated).");
    }
    return name;
  }

  /** Where the periods of a query start: the start time rounded down as CloudWatch rounds it. */
  static long base(long startMillis, long periodMillis) {
    var unit = Math.min(periodMillis, Series.MINUTE);
    return Math.floorDiv(startMillis, unit) * unit;
  }

  /** GetMetricStatistics' check (InvalidParameterValue). */
  static void checkRange(long start, long end) {
    if (start >= end) {
      throw CloudWatchErrors.invalidValue(
          "The parameter StartTime must be less than the parameter EndTime.");
    }
  }

  /** GetMetricData's check (ValidationError). */
  static void checkQueryRange(long start, long end) {
    if (start > end) {
      throw CloudWatchErrors.validation("The parameter EndTime must be greater than StartTime.");
    }
    if (start == end) {
      throw CloudWatchErrors.validation(
          "The parameter StartTime must not equal parameter EndTime.");
    }
  }
}
