package dev.lmi.emulator.cloudwatch;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.lmi.emulator.http.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AlarmsApiTest {
  @Test
  void refusesAlarmsBeyondTheQuota() {
    var state =
        new CloudWatchState(
            "us-east-1",
            "123456789012",
            Clock.fixed(Instant.parse("2026-03-02T12:00:00Z"), ZoneOffset.UTC));
    var api = new AlarmsApi(state);
    var alarm = JsonNodeFactory.instance.objectNode();
    alarm.put("Namespace", "Shop").put("MetricName", "Orders").put("Statistic", "Sum");
    alarm.put("Period", 60).put("EvaluationPeriods", 1).put("Threshold", 1.0);
    alarm.put("ComparisonOperator", "GreaterThanThreshold");
    for (var i = 0; i < AlarmsApi.MAX_ALARMS; i++) {
      api.put(alarm.deepCopy().put("AlarmName", "a" + i));
    }

    api.put(alarm.deepCopy().put("AlarmName", "a1"));
    assertThatThrownBy(() -> api.put(alarm.deepCopy().put("AlarmName", "one-too-many")))
        .isInstanceOf(ApiException.class)
        .hasMessage("The quota for alarms for this customer has already been reached.");
  }

  @Test
  void refusesAnEvaluationLongerThanCloudWatchLooksBack() {
    var in = JsonNodeFactory.instance.objectNode();
    in.put("AlarmName", "a").put("Namespace", "Shop").put("MetricName", "Orders");
    in.put("Statistic", "Sum").put("Period", 60).put("EvaluationPeriods", 1441);
    in.put("Threshold", 1.0).put("ComparisonOperator", "GreaterThanThreshold");

    assertThatThrownBy(() -> AlarmRules.check(in))
        .hasMessage(
            "Metrics cannot be checked across more than a day (EvaluationPeriods * Period must be"
                + " <= 86400)");
  }
}
