package dev.lmi.operator.schedule;

/** A cron expression that is not standard 5-field cron; the message names the field and the fix. */
public final class CronSyntaxException extends IllegalArgumentException {
  public CronSyntaxException(String message) {
    super(message);
  }
}
