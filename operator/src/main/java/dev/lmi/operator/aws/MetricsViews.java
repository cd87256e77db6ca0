package dev.lmi.operator.aws;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/** Maps CloudWatch's shapes to the gateway's records and builds its metric queries. */
final class MetricsViews {
  static final String NAMESPACE = "AWS/Lambda";
  static final String INVOCATIONS = "invocations";
  static final String ERRORS = "errors";

  /** Lambda publishes its metrics at one-minute resolution: no finer period has data. */
  static final int PERIOD_SECONDS = 60;

  /** Bounds what one reason adds to a status message. */
  static final int MAX_REASON = 200;

  private MetricsViews() {}

  static List<AlarmView> alarms(DescribeAlarmsResponse page) {
    var out = new ArrayList<AlarmView>();
    page.metricAlarms().forEach(a -> out.add(view(a.alarmName(), a.stateValue(), a.stateReason())));
    page.compositeAlarms()
        .forEach(a -> out.add(view(a.alarmName(), a.stateValue(), a.stateReason())));
    return out;
  }

  static AlarmView view(String name, StateValue state, String reason) {
    return new AlarmView(name, state(state), shorten(reason));
  }

  /** A state this SDK does not know is not OK: treated as ALARM, so it cannot pass silently. */
  static AlarmView.State state(StateValue value) {
    if (value == null) {
      return AlarmView.State.INSUFFICIENT_DATA;
    }
    return switch (value) {
      case OK -> AlarmView.State.OK;
      case INSUFFICIENT_DATA -> AlarmView.State.INSUFFICIENT_DATA;
      default -> AlarmView.State.ALARM;
    };
  }

  static GetMetricDataRequest invocationsRequest(
      String function, String alias, String version, Instant from, Instant to, String token) {
    var dimensions =
        List.of(
            Dimension.builder().name("FunctionName").value(function).build(),
            Dimension.builder().name("Resource").value(function + ":" + alias).build(),
            Dimension.builder().name("ExecutedVersion").value(version).build());
    return GetMetricDataRequest.builder()
        .metricDataQueries(
            sum(INVOCATIONS, "Invocations", dimensions), sum(ERRORS, "Errors", dimensions))
        .startTime(from)
        .endTime(to)
        .scanBy(ScanBy.TIMESTAMP_ASCENDING)
        .nextToken(token)
        .build();
  }

  private static MetricDataQuery sum(String id, String metric, List<Dimension> dimensions) {
    return MetricDataQuery.builder()
        .id(id)
        .returnData(true)
        .metricStat(
            s ->
                s.stat("Sum")
                    .period(PERIOD_SECONDS)
                    .metric(m -> m.namespace(NAMESPACE).metricName(metric).dimensions(dimensions)))
        .build();
  }

  private static String shorten(String reason) {
    if (reason == null || reason.length() <= MAX_REASON) {
      return reason;
    }
    return reason.substring(0, MAX_REASON - 1) + "…";
  }
}
