package dev.lmi.emulator.cloudwatch;

import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;

/**
 * CloudWatch of one account and region: metrics and alarms. Every call holds this object's monitor,
 * so each answer sees one consistent moment; time comes from the configured clock.
 */
public final class CloudWatchState {
  final String region;
  final String accountId;
  final MetricStore metrics = new MetricStore();
  final Map<String, Alarm> alarms = new TreeMap<>();
  private final Clock clock;
  private long earliestEvaluation = Long.MAX_VALUE;

  public CloudWatchState(String region, String accountId, Clock clock) {
    this.region = region;
    this.accountId = accountId;
    this.clock = clock;
  }

  long now() {
    return clock.millis();
  }

  /** Brings the state to the clock's present: expired data dropped, due alarms evaluated. */
  void catchUp() {
    var now = now();
    metrics.prune(now);
    if (now < earliestEvaluation) {
      return;
    }
    earliestEvaluation = Long.MAX_VALUE;
    for (var alarm : alarms.values()) {
      if (alarm.nextEvaluation <= now) {
        AlarmEvaluator.evaluate(alarm, metrics, now);
      }
      earliestEvaluation = Math.min(earliestEvaluation, alarm.nextEvaluation);
    }
  }

  /**
   * Evaluates an alarm now (after a put); it is looked at again when its next evaluation is due.
   */
  void evaluate(Alarm alarm) {
    AlarmEvaluator.evaluate(alarm, metrics, now());
    earliestEvaluation = Math.min(earliestEvaluation, alarm.nextEvaluation);
  }

  /** Holds a state set by hand until the alarm's next evaluation, one interval from now. */
  void holdUntilNextEvaluation(Alarm alarm) {
    alarm.nextEvaluation = alarm.evaluated() ? now() + alarm.interval() : Long.MAX_VALUE;
    earliestEvaluation = Math.min(earliestEvaluation, alarm.nextEvaluation);
  }
}
