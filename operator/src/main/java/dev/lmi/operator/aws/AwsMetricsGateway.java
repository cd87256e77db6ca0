package dev.lmi.operator.aws;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.AlarmType;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;

/** Alarm states and a version's invocation counts through the AWS SDK for Java v2. */
public final class AwsMetricsGateway implements MetricsGateway {
  /** DescribeAlarms takes at most 100 names a call; GetMetricData pages are bounded likewise. */
  static final int NAMES_PER_CALL = 100;

  /** A service that keeps answering with a next token must not keep a reconcile forever. */
  static final int MAX_PAGES = 50;

  private final CloudWatchClient cloudwatch;
  private final AwsCalls calls;

  public AwsMetricsGateway(CloudWatchClient cloudwatch, AwsCalls calls) {
    this.cloudwatch = cloudwatch;
    this.calls = calls;
  }

  @Override
  public List<AlarmView> alarmStates(List<String> names) {
    var found = new HashMap<String, AlarmView>();
    for (var from = 0; from < names.size(); from += NAMES_PER_CALL) {
      var chunk = names.subList(from, Math.min(names.size(), from + NAMES_PER_CALL));
      String token = null;
      var pages = 0;
      do {
        var page = describe(chunk, token);
        MetricsViews.alarms(page).forEach(a -> found.put(a.name(), a));
        token = page.nextToken();
      } while (token != null && ++pages < MAX_PAGES);
    }
    var out = new ArrayList<AlarmView>();
    names.forEach(n -> out.add(found.getOrDefault(n, AlarmView.missing(n))));
    return out;
  }

  private DescribeAlarmsResponse describe(List<String> names, String token) {
    return calls.call(
        "DescribeAlarms",
        () ->
            cloudwatch.describeAlarms(
                r ->
                    r.alarmNames(names)
                        .alarmTypes(AlarmType.METRIC_ALARM, AlarmType.COMPOSITE_ALARM)
                        .maxRecords(NAMES_PER_CALL)
                        .nextToken(token)));
  }

  @Override
  public InvocationCounts versionInvocations(
      String function, String alias, String version, Instant from, Instant to) {
    var start = from.truncatedTo(ChronoUnit.MINUTES);
    var end = to.isAfter(start) ? to : start.plus(Duration.ofMinutes(1));
    var sums = new HashMap<String, Double>();
    String token = null;
    var pages = 0;
    do {
      var request = MetricsViews.invocationsRequest(function, alias, version, start, end, token);
      var page = calls.call("GetMetricData", () -> cloudwatch.getMetricData(request));
      page.metricDataResults()
          .forEach(r -> r.values().forEach(v -> sums.merge(r.id(), v, Double::sum)));
      token = page.nextToken();
    } while (token != null && ++pages < MAX_PAGES);
    return new InvocationCounts(
        version,
        count(sums, MetricsViews.INVOCATIONS),
        count(sums, MetricsViews.ERRORS),
        start,
        end);
  }

  private static long count(Map<String, Double> sums, String id) {
    return Math.round(sums.getOrDefault(id, 0.0));
  }
}
