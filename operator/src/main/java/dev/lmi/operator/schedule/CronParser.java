package dev.lmi.operator.schedule;

import java.util.Locale;
import java.util.Map;

/**
 * Reads standard 5-field cron as crontab(5) defines it: minute hour day-of-month month day-of-week,
 * separated by spaces; each field a list of values, ranges and steps ({@code *}, {@code 5}, {@code
 * 1-5}, {@code *}{@code /15}, {@code 0-30/10}, {@code 5/15} for 5-59/15); months JAN-DEC and days
 * SUN-SAT by name in any case; 0 and 7 are Sunday; and the macros @yearly,
 * {@literal @}annually, @monthly, @weekly, @daily, @midnight, @hourly. EventBridge and Quartz
 * syntax (6 or 7 fields, {@code ?}, {@code L}, {@code W}, {@code #}, {@code cron(...)}) is refused
 * with a message naming the field.
 */
final class CronParser {
  static final String FIELDS = "minute hour day-of-month month day-of-week";
  private static final int LONGEST = 100;
  private static final Map<String, String> MACROS =
      Map.of(
          "@yearly", "0 0 1 1 *",
          "@annually", "0 0 1 1 *",
          "@monthly", "0 0 1 * *",
          "@weekly", "0 0 * * 0",
          "@daily", "0 0 * * *",
          "@midnight", "0 0 * * *",
          "@hourly", "0 * * * *");

  private CronParser() {}

  static CronExpression parse(String text) {
    if (text == null || text.isBlank()) {
      throw new CronSyntaxException("empty: write the 5 fields " + FIELDS);
    }
    if (text.length() > LONGEST) {
      throw new CronSyntaxException("longer than " + LONGEST + " characters");
    }
    var written = text.strip();
    var fields = fields(written).split(" +");
    if (fields.length != 5) {
      throw new CronSyntaxException(wrongCount(fields.length));
    }
    var bits = new long[5];
    for (var i = 0; i < 5; i++) {
      bits[i] = FieldParser.parse(CronField.values()[i], fields[i]);
    }
    // Sunday is written 0 or 7; keep it as 0.
    bits[4] = (bits[4] | bits[4] >> 7) & 0x7f;
    return new CronExpression(written, bits, fields[2].startsWith("*"), fields[4].startsWith("*"));
  }

  private static String fields(String written) {
    var lower = written.toLowerCase(Locale.ROOT);
    if (lower.startsWith("cron(") || lower.startsWith("rate(") || lower.startsWith("at(")) {
      throw new CronSyntaxException(
          "EventBridge schedule expressions (cron(...), rate(...), at(...)) are not accepted:"
              + " write the 5 fields "
              + FIELDS);
    }
    if (written.startsWith("@")) {
      var macro = MACROS.get(lower);
      if (macro == null) {
        throw new CronSyntaxException(
            written
                + " is not a macro this operator knows (@yearly, @annually, @monthly,"
                + " @weekly, @daily, @midnight, @hourly)");
      }
      return macro;
    }
    if (!written.chars().allMatch(c -> c == ' ' || !Character.isWhitespace(c))) {
      throw new CronSyntaxException("separate the fields with spaces (no tabs or line breaks)");
    }
    return written;
  }

  private static String wrongCount(int count) {
    if (count == 6 || count == 7) {
      return count
          + " fields: EventBridge and Quartz cron (with seconds or a year) is not accepted; write"
          + " the 5 standard fields "
          + FIELDS;
    }
    return count + " field" + (count == 1 ? "" : "s") + ": write the 5 fields " + FIELDS;
  }
}
