package dev.lmi.operator.aws;

/**
 * A CloudWatch alarm's state as DescribeAlarms reports it, or the fact that no such alarm exists.
 */
public record AlarmView(String name, State state, String reason) {

  /** CloudWatch's three states, plus MISSING for a name that matches no alarm. */
  public enum State {
    OK,
    ALARM,
    INSUFFICIENT_DATA,
    MISSING
  }

  public static AlarmView missing(String name) {
    return new AlarmView(name, State.MISSING, null);
  }

  public boolean inAlarm() {
    return state == State.ALARM;
  }

  public boolean missing() {
    return state == State.MISSING;
  }
}
