package dev.lmi.emulator.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** GetMetricStatistics: the statistics asked for, per period, at most 1,440 periods. */
final class MetricStatisticsApi {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final int MAX_STATISTICS_POINTS = 1440;
  private final CloudWatchState s;

  MetricStatisticsApi(CloudWatchState state) {
    this.s = state;
  }

  JsonNode get(ObjectNode in) {
    var start = Timestamps.millis(in.path("StartTime").asDouble());
    var end = Timestamps.millis(in.path("EndTime").asDouble());
    Statistics.checkRange(start, end);
    if (in.has("Statistics") == in.has("ExtendedStatistics")) {
      throw CloudWatchErrors.combination(
          "Must specify either Statistics or ExtendedStatistics, but not both.");
    }
    if (in.has("ExtendedStatistics")) {
      throw CloudWatchErrors.invalidValue(
          "[lmi-emulator] ExtendedStatistics (percentiles) are not emulated; use Statistics.");
    }
    var period = Statistics.periodMillis(in.path("Period").asLong(), "Period");
    var points = (end - Statistics.base(start, period) + period - 1) / period;
    if (points > MAX_STATISTICS_POINTS) {
      throw CloudWatchErrors.combination(
          "You have requested up to "
              + points
              + " datapoints, which exceeds the limit of 1,440. You may reduce the datapoints"
              + " requested by increasing Period, or decreasing the time range.");
    }
    var key = MetricKey.of(in);
    var out = NODES.objectNode().put("Label", key.name());
    var datapoints = out.putArray("Datapoints");
    synchronized (s) {
      s.catchUp();
      var series = s.metrics.get(key);
      if (series != null) {
        for (Map.Entry<Long, Series.Bucket> e :
            series.byPeriod(Statistics.base(start, period), end, period).entrySet()) {
          var point = datapoints.addObject().put("Timestamp", Timestamps.seconds(e.getKey()));
          for (var name : in.path("Statistics")) {
            point.put(name.asText(), e.getValue().statistic(name.asText()));
          }
          point.put("Unit", series.unit);
        }
      }
    }
    return out;
  }
}
