package dev.lmi.emulator.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lmi.emulator.cloudwatch.Series.Sample;
import java.util.HashSet;

/**
 * Reads one {@code MetricDatum} of PutMetricData with CloudWatch's checks beyond the model: one of
 * Value, StatisticValues or Values; values CloudWatch can store; Values and Counts of one size;
 * timestamps within two weeks back and two hours ahead; storage resolution 1 or 60.
 */
final class Datums {
  private static final double LIMIT = Math.pow(2, 360);
  private static final long TWO_WEEKS = 14 * 24 * 3_600_000L;
  private static final long TWO_HOURS = 2 * 3_600_000L;

  /** A checked datum: where it goes, when, what, at which resolution. */
  record Datum(MetricKey key, long millis, Sample sample, boolean highResolution, String unit) {}

  private Datums() {}

  static Datum read(String namespace, JsonNode d, String path, long now) {
    var dims = d.path("Dimensions");
    var names = new HashSet<String>();
    dims.forEach(
        x -> {
          if (!names.add(x.path("Name").asText())) {
            throw CloudWatchErrors.invalidValue(
                "The dimension name " + x.path("Name").asText() + " appears twice in " + path);
          }
        });
    var key = MetricKey.of(namespace, d.path("MetricName").asText(), MetricKey.dimensions(dims));
    var millis = d.has("Timestamp") ? Timestamps.millis(d.get("Timestamp").asDouble()) : now;
    if (millis < now - TWO_WEEKS || millis > now + TWO_HOURS) {
      throw CloudWatchErrors.invalidValue(
          "The parameter "
              + path
              + ".Timestamp must specify a time no more than two weeks in the past and no more"
              + " than two hours in the future.");
    }
    var resolution = d.path("StorageResolution").asInt(60);
    if (resolution != 1 && resolution != 60) {
      throw CloudWatchErrors.invalidValue(
          "The value " + resolution + " for parameter " + path + ".StorageResolution is invalid.");
    }
    return new Datum(key, millis, sample(d, path), resolution == 1, d.path("Unit").asText(null));
  }

  private static Sample sample(JsonNode d, String path) {
    var given = (d.has("Value") ? 1 : 0) + (d.has("StatisticValues") ? 1 : 0);
    given += d.has("Values") ? 1 : 0;
    if (given == 0) {
      throw CloudWatchErrors.combination(
          "At least one of the parameters "
              + path
              + ".Value, "
              + path
              + ".StatisticValues and "
              + path
              + ".Values must be specified.");
    }
    if (given > 1) {
      throw CloudWatchErrors.combination(
          "The parameters "
              + path
              + ".Value, "
              + path
              + ".StatisticValues and "
              + path
              + ".Values are mutually exclusive and you have specified more than one.");
    }
    if (d.has("Value")) {
      return Sample.of(value(d.get("Value"), path + ".Value"));
    }
    if (d.has("StatisticValues")) {
      return statistics(d.get("StatisticValues"), path + ".StatisticValues");
    }
    return values(d.path("Values"), d.path("Counts"), path);
  }

  private static Sample statistics(JsonNode s, String path) {
    var count = value(s.path("SampleCount"), path + ".SampleCount");
    var min = value(s.path("Minimum"), path + ".Minimum");
    var max = value(s.path("Maximum"), path + ".Maximum");
    if (count <= 0 || min > max) {
      throw CloudWatchErrors.invalidValue(
          "The parameter " + path + " must have a positive SampleCount and Minimum <= Maximum.");
    }
    return new Sample(value(s.path("Sum"), path + ".Sum"), min, max, count);
  }

  private static Sample values(JsonNode values, JsonNode counts, String path) {
    if (!counts.isMissingNode() && counts.size() != values.size()) {
      throw CloudWatchErrors.invalidValue(
          "The parameters " + path + ".Values and " + path + ".Counts must be of the same size.");
    }
    if (values.isEmpty()) {
      throw CloudWatchErrors.invalidValue("The parameter " + path + ".Values must not be empty.");
    }
    double sum = 0;
    double n = 0;
    var min = Double.POSITIVE_INFINITY;
    var max = Double.NEGATIVE_INFINITY;
    for (var i = 0; i < values.size(); i++) {
      var v = value(values.get(i), path + ".Values.member." + (i + 1));
      var c = counts.isMissingNode() ? 1 : value(counts.get(i), path + ".Counts.member." + (i + 1));
      sum += v * c;
      n += c;
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    return new Sample(sum, min, max, n);
  }

  /** CloudWatch stores doubles from -2^360 to 2^360, and no NaN or infinities. */
  private static double value(JsonNode node, String path) {
    var v = node.asDouble(Double.NaN);
    if (!Double.isFinite(v) || Math.abs(v) > LIMIT) {
      throw CloudWatchErrors.invalidValue(
          "The value " + node.asText() + " for parameter " + path + " is invalid.");
    }
    return v;
  }
}
