package dev.lmi.emulator.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;

/** GetMetricData: MetricStat queries, paged by data points. */
final class MetricDataApi {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private final CloudWatchState s;

  MetricDataApi(CloudWatchState state) {
    this.s = state;
  }

  /** One query's answer before paging: its id, label and points in the order asked for. */
  private record Result(String id, String label, List<Long> times, List<Double> values) {}

  JsonNode getMetricData(ObjectNode in) {
    var start = Timestamps.millis(in.path("StartTime").asDouble());
    var end = Timestamps.millis(in.path("EndTime").asDouble());
    Statistics.checkQueryRange(start, end);
    var ascending = "TimestampAscending".equals(in.path("ScanBy").asText());
    var queries = in.path("MetricDataQueries");
    checkIds(queries);
    var results = new ArrayList<Result>();
    synchronized (s) {
      s.catchUp();
      for (var i = 0; i < queries.size(); i++) {
        var q = queries.get(i);
        var result = query(q, "MetricDataQueries.member." + (i + 1), start, end, ascending);
        if (q.path("ReturnData").asBoolean(true)) {
          results.add(result);
        }
      }
    }
    return page(results, in);
  }

  private static void checkIds(JsonNode queries) {
    var ids = new HashSet<String>();
    for (var q : queries) {
      if (!ids.add(q.path("Id").asText())) {
        throw CloudWatchErrors.validation(
            "The values for parameter Id in MetricDataQueries are not unique: "
                + q.path("Id").asText());
      }
    }
  }

  private Result query(JsonNode q, String path, long start, long end, boolean ascending) {
    if (!q.has("MetricStat") && !q.has("Expression")) {
      throw CloudWatchErrors.validation("The parameter " + path + ".MetricStat is required.");
    }
    if (q.has("MetricStat") && q.has("Expression")) {
      throw CloudWatchErrors.validation(
          "The parameters "
              + path
              + ".MetricStat and "
              + path
              + ".Expression are mutually"
              + " exclusive and you have specified both.");
    }
    if (q.has("Expression")) {
      throw CloudWatchErrors.invalidValue(
          "[lmi-emulator] "
              + path
              + ".Expression: metric math is not emulated; query each"
              + " metric with MetricStat and combine the values yourself.");
    }
    var stat = q.get("MetricStat");
    var period = Statistics.periodMillis(stat.path("Period").asLong(), path + ".MetricStat.Period");
    var name = Statistics.statistic(stat.path("Stat").asText(), path + ".MetricStat.Stat");
    var key = MetricKey.of(stat.path("Metric"));
    var times = new ArrayList<Long>();
    var values = new ArrayList<Double>();
    var series = s.metrics.get(key);
    if (series != null) {
      series
          .byPeriod(Statistics.base(start, period), end, period)
          .forEach(
              (t, b) -> {
                times.add(t);
                values.add(b.statistic(name));
              });
    }
    if (!ascending) {
      Collections.reverse(times);
      Collections.reverse(values);
    }
    return new Result(q.path("Id").asText(), q.path("Label").asText(key.name()), times, values);
  }

  /** At most MaxDatapoints points a page, counted over every query in order. */
  private static JsonNode page(List<Result> results, ObjectNode in) {
    var offset = Tokens.decode("GetMetricData", in.path("NextToken").asText(null));
    var max = in.path("MaxDatapoints").asLong(100_800);
    var out = NODES.objectNode();
    var list = out.putArray("MetricDataResults");
    long seen = 0;
    for (var r : results) {
      var from = (int) Math.max(0, Math.min(r.times().size(), offset - seen));
      var to = (int) Math.max(from, Math.min(r.times().size(), offset + max - seen));
      seen += r.times().size();
      var item = list.addObject().put("Id", r.id()).put("Label", r.label());
      var times = item.putArray("Timestamps");
      var values = item.putArray("Values");
      for (var i = from; i < to; i++) {
        times.add(Timestamps.seconds(r.times().get(i)));
        values.add(r.values().get(i));
      }
      item.put("StatusCode", to < r.times().size() ? "PartialData" : "Complete");
    }
    if (offset + max < seen) {
      out.put("NextToken", Tokens.encode("GetMetricData", offset + max));
    }
    out.putArray("Messages");
    return out;
  }
}
