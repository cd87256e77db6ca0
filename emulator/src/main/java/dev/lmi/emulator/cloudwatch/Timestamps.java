package dev.lmi.emulator.cloudwatch;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** CloudWatch's timestamps: epoch seconds inside the emulator, ISO 8601 in XML. */
final class Timestamps {
  private Timestamps() {}

  static double seconds(long epochMillis) {
    return epochMillis / 1000.0;
  }

  static long millis(double epochSeconds) {
    return Math.round(epochSeconds * 1000);
  }

  /** ISO 8601 (with or without an offset) or epoch seconds, as query clients send them. */
  static double parse(String text) {
    var t = text.trim();
    try {
      return Double.parseDouble(t);
    } catch (NumberFormatException notANumber) {
      try {
        return seconds(OffsetDateTime.parse(t).toInstant().toEpochMilli());
      } catch (DateTimeParseException e) {
        try {
          return seconds(Instant.parse(t + "Z").toEpochMilli());
        } catch (DateTimeParseException e2) {
          throw new IllegalArgumentException("not a timestamp: " + text, e2);
        }
      }
    }
  }

  static String iso(double epochSeconds) {
    return Instant.ofEpochMilli(millis(epochSeconds)).toString();
  }
}
