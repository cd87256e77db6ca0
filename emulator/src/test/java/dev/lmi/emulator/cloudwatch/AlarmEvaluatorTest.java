package dev.lmi.emulator.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lmi.emulator.cloudwatch.Series.Sample;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlarmEvaluatorTest {
  private static final long T0 = 1_800_000_000_000L - 1_800_000_000_000L % 60_000;
  private final MetricStore store = new MetricStore();

  private static Alarm alarm(int n, int m, String treatMissing) {
    ObjectNode config = JsonNodeFactory.instance.objectNode();
    config.put("AlarmName", "a").put("Namespace", "Shop").put("MetricName", "Errors");
    config.put("Statistic", "Sum").put("Period", 60).put("EvaluationPeriods", n);
    config.put("DatapointsToAlarm", m).put("Threshold", 5.0);
    config.put("ComparisonOperator", "GreaterThanOrEqualToThreshold");
    if (treatMissing != null) {
      config.put("TreatMissingData", treatMissing);
    }
    var alarm = new Alarm("a", "arn", T0);
    alarm.config = config;
    return alarm;
  }

  /** Puts a value into the minute that starts {@code minute} minutes after T0. */
  private void put(int minute, double value) {
    store.add(
        MetricKey.of("Shop", "Errors", Map.of()),
        T0 + minute * 60_000L + 1_000,
        Sample.of(value),
        false,
        null);
  }

  private String evaluateAt(Alarm alarm, int minute) {
    AlarmEvaluator.evaluate(alarm, store, T0 + minute * 60_000L + 5_000);
    return alarm.state;
  }

  @Test
  void alarmsWhenMOfTheLastNCompletePeriodsBreach() {
    put(0, 9);
    put(1, 1);
    put(2, 7);

    assertThat(evaluateAt(alarm(3, 2, null), 3)).isEqualTo("ALARM");
    assertThat(evaluateAt(alarm(3, 3, null), 3)).isEqualTo("OK");
  }

  @Test
  void thePeriodInProgressIsNotEvaluatedYet() {
    put(3, 9);

    assertThat(evaluateAt(alarm(1, 1, "notBreaching"), 3)).isEqualTo("OK");
    assertThat(evaluateAt(alarm(1, 1, "notBreaching"), 4)).isEqualTo("ALARM");
  }

  @Test
  void missingDataCountsAsTreatMissingDataSays() {
    assertThat(evaluateAt(alarm(2, 1, null), 5)).isEqualTo("INSUFFICIENT_DATA");
    assertThat(evaluateAt(alarm(2, 1, "breaching"), 5)).isEqualTo("ALARM");
    var notBreaching = alarm(2, 1, "notBreaching");
    assertThat(evaluateAt(notBreaching, 5)).isEqualTo("OK");
    assertThat(notBreaching.reason)
        .isEqualTo(
            "Threshold Crossed: no datapoints were received for 2 period(s) and 2 missing"
                + " datapoint(s) were treated as [NonBreaching].");
    var ignoring = alarm(2, 1, "ignore");
    ignoring.setState("ALARM", "set by hand", null, T0);
    assertThat(evaluateAt(ignoring, 5)).isEqualTo("ALARM");
  }

  @Test
  void aTransitionRecordsWhyAndWhenAndTheNextEvaluationIsAMinuteLater() {
    put(0, 6);
    var alarm = alarm(1, 1, null);

    evaluateAt(alarm, 1);

    assertThat(alarm.reason).startsWith("Threshold Crossed: 1 out of the last 1 datapoints [6.0]");
    assertThat(alarm.reasonData).contains("\"recentDatapoints\":[6.0]");
    assertThat(alarm.stateTransitioned).isEqualTo(T0 + 65_000);
    assertThat(alarm.nextEvaluation).isEqualTo(T0 + 125_000);
  }

  @Test
  void metricMathAndPercentileAlarmsAreNeverEvaluated() {
    var alarm = alarm(1, 1, "breaching");
    alarm.config.remove("Statistic");
    alarm.config.put("ExtendedStatistic", "p99");

    assertThat(evaluateAt(alarm, 1)).isEqualTo("INSUFFICIENT_DATA");
    assertThat(alarm.nextEvaluation).isEqualTo(Long.MAX_VALUE);
  }
}
