package dev.lmi.emulator.cloudwatch;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Evaluates a metric alarm as CloudWatch does, "M out of N": the statistic of each of the last
 * EvaluationPeriods complete periods is compared with the threshold; DatapointsToAlarm breaching
 * ones make ALARM, fewer make OK; missing periods count as TreatMissingData says (missing: all
 * missing is INSUFFICIENT_DATA; ignore: all missing keeps the state; breaching; notBreaching).
 */
final class AlarmEvaluator {
  private AlarmEvaluator() {}

  static void evaluate(Alarm alarm, MetricStore metrics, long now) {
    if (!alarm.evaluated()) {
      alarm.nextEvaluation = Long.MAX_VALUE;
      return;
    }
    alarm.nextEvaluation = now + alarm.interval();
    var c = alarm.config;
    var period = c.path("Period").asLong(60) * 1000;
    var n = c.path("EvaluationPeriods").asInt(1);
    var m = c.path("DatapointsToAlarm").asInt(n);
    var end = Math.floorDiv(now, period) * period;
    var start = end - n * period;
    var series = metrics.get(MetricKey.of(c));
    var buckets = series == null ? null : series.byPeriod(start, end, period);
    var statistic = c.path("Statistic").asText();
    var values = new ArrayList<Double>();
    for (var t = start; t < end; t += period) {
      var b = buckets == null ? null : buckets.get(t);
      values.add(b == null ? null : b.statistic(statistic));
    }
    decide(alarm, values, m, now);
  }

  private static void decide(Alarm alarm, List<Double> values, int m, long now) {
    var c = alarm.config;
    var threshold = c.path("Threshold").asDouble();
    var operator = c.path("ComparisonOperator").asText();
    var treat = c.path("TreatMissingData").asText("missing");
    var present = values.stream().filter(v -> v != null).toList();
    if (present.isEmpty() && treat.equals("ignore")) {
      return;
    }
    var breaching = present.stream().filter(v -> breaches(operator, v, threshold)).count();
    if (treat.equals("breaching")) {
      breaching += values.size() - present.size();
    }
    String next;
    String why;
    if (present.isEmpty() && treat.equals("missing")) {
      next = "INSUFFICIENT_DATA";
      why = "Insufficient Data: " + values.size() + " datapoint(s) unknown.";
    } else if (present.isEmpty()) {
      next = breaching >= m ? "ALARM" : "OK";
      why = missingReason(values.size(), treat);
    } else if (breaching >= m) {
      next = "ALARM";
      why = alarmReason(breaching, values.size(), present, threshold, operator, m);
    } else {
      next = "OK";
      why =
          "Threshold Crossed: datapoints "
              + present
              + " were not "
              + words(operator)
              + " the threshold ("
              + threshold
              + ").";
    }
    if (!next.equals(alarm.state)) {
      alarm.setState(next, why, reasonData(alarm, present, threshold, now), now);
    }
  }

  private static String missingReason(int n, String treat) {
    return "Threshold Crossed: no datapoints were received for "
        + n
        + " period(s) and "
        + n
        + " missing datapoint(s) were treated as ["
        + (treat.equals("breaching") ? "Breaching" : "NonBreaching")
        + "].";
  }

  private static String alarmReason(
      long breaching, int n, List<Double> present, double threshold, String operator, int m) {
    return "Threshold Crossed: "
        + breaching
        + " out of the last "
        + n
        + " datapoints "
        + present
        + " breached the threshold ("
        + threshold
        + ", "
        + words(operator)
        + ") (minimum "
        + m
        + " datapoint(s) for OK -> ALARM transition).";
  }

  static boolean breaches(String operator, double value, double threshold) {
    return switch (operator) {
      case "GreaterThanOrEqualToThreshold" -> value >= threshold;
      case "GreaterThanThreshold" -> value > threshold;
      case "LessThanThreshold" -> value < threshold;
      default -> value <= threshold;
    };
  }

  private static String words(String operator) {
    return operator
        .replace("Threshold", "")
        .replaceAll("([a-z])([A-Z])", "$1 $2")
        .toLowerCase(Locale.ROOT);
  }

  private static String reasonData(Alarm alarm, List<Double> recent, double threshold, long now) {
    var data = JsonNodeFactory.instance.objectNode();
    data.put("version", "1.0").put("queryDate", Timestamps.iso(Timestamps.seconds(now)));
    data.put("statistic", alarm.config.path("Statistic").asText());
    data.put("period", alarm.config.path("Period").asInt(60));
    var points = data.putArray("recentDatapoints");
    recent.forEach(points::add);
    data.put("threshold", threshold);
    return data.toString();
  }
}
