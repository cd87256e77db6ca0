package dev.lmi.emulator.lambda;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** Wall-clock helpers: Lambda's LastModified format and deadlines. */
final class Clock {
  private static final DateTimeFormatter LAST_MODIFIED =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

  private Clock() {}

  static long now() {
    return System.currentTimeMillis();
  }

  static long after(Duration d) {
    return now() + d.toMillis();
  }

  static String timestamp() {
    return ZonedDateTime.now(ZoneOffset.UTC).format(LAST_MODIFIED);
  }
}
