package dev.lmi.operator.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.cloudwatch.model.CompositeAlarm;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

class MetricsViewsTest {

  @ParameterizedTest
  @CsvSource({"OK, OK", "ALARM, ALARM", "INSUFFICIENT_DATA, INSUFFICIENT_DATA"})
  void mapsCloudWatchsStates(StateValue value, AlarmView.State expected) {
    assertThat(MetricsViews.state(value)).isEqualTo(expected);
  }

  @Test
  void aStateThisSdkDoesNotKnowCountsAsAlarmSoItCannotPassSilently() {
    assertThat(MetricsViews.state(StateValue.UNKNOWN_TO_SDK_VERSION))
        .isEqualTo(AlarmView.State.ALARM);
    assertThat(MetricsViews.state(StateValue.fromValue("MUTED"))).isEqualTo(AlarmView.State.ALARM);
  }

  @Test
  void readsMetricAndCompositeAlarmsAndBoundsTheirReasons() {
    var page =
        DescribeAlarmsResponse.builder()
            .metricAlarms(
                MetricAlarm.builder()
                    .alarmName("orders-5xx")
                    .stateValue(StateValue.ALARM)
                    .stateReason("x".repeat(500))
                    .build())
            .compositeAlarms(
                CompositeAlarm.builder()
                    .alarmName("orders-health")
                    .stateValue(StateValue.OK)
                    .build())
            .build();

    var alarms = MetricsViews.alarms(page);

    assertThat(alarms).extracting(AlarmView::name).containsExactly("orders-5xx", "orders-health");
    assertThat(alarms.get(0).inAlarm()).isTrue();
    assertThat(alarms.get(0).reason()).hasSize(MetricsViews.MAX_REASON).endsWith("…");
    assertThat(alarms.get(1).state()).isEqualTo(AlarmView.State.OK);
  }

  @Test
  void asksForTheSumsOfOneVersionThroughTheAliasAtOneMinute() {
    var from = Instant.parse("2026-12-01T12:00:00Z");
    var to = Instant.parse("2026-12-01T12:07:30Z");

    var r = MetricsViews.invocationsRequest("orders-list", "live", "4", from, to, "t1");

    assertThat(r.startTime()).isEqualTo(from);
    assertThat(r.endTime()).isEqualTo(to);
    assertThat(r.nextToken()).isEqualTo("t1");
    assertThat(r.metricDataQueries())
        .extracting(
            q ->
                q.id()
                    + " "
                    + q.metricStat().metric().metricName()
                    + " "
                    + q.metricStat().stat()
                    + " "
                    + q.metricStat().period())
        .containsExactly("invocations Invocations Sum 60", "errors Errors Sum 60");
    assertThat(r.metricDataQueries().get(0).metricStat().metric().namespace())
        .isEqualTo("AWS/Lambda");
    assertThat(r.metricDataQueries().get(1).metricStat().metric().dimensions())
        .extracting(Dimension::name, Dimension::value)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("FunctionName", "orders-list"),
            org.assertj.core.groups.Tuple.tuple("Resource", "orders-list:live"),
            org.assertj.core.groups.Tuple.tuple("ExecutedVersion", "4"));
  }
}
