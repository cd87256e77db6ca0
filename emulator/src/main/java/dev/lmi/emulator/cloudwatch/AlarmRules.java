package dev.lmi.emulator.cloudwatch;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** PutMetricAlarm's rules beyond the model: a whole metric, one statistic, a valid period. */
final class AlarmRules {
  private AlarmRules() {}

  static void check(ObjectNode in) {
    var single = in.has("MetricName") || in.has("Namespace");
    if (single == in.has("Metrics")) {
      throw CloudWatchErrors.validation(
          "Exactly one of MetricName (with Namespace) and Metrics must be specified.");
    }
    required(in, "EvaluationPeriods");
    required(in, "ComparisonOperator");
    if (in.has("Threshold") == in.has("ThresholdMetricId")) {
      throw CloudWatchErrors.validation(
          "Exactly one of Threshold and ThresholdMetricId must be specified.");
    }
    if (single) {
      required(in, "MetricName");
      required(in, "Namespace");
      required(in, "Period");
      if (in.has("Statistic") == in.has("ExtendedStatistic")) {
        throw CloudWatchErrors.combination(
            "Exactly one of Statistic and ExtendedStatistic must be specified.");
      }
      var period = in.get("Period").asLong();
      if (period % 60 != 0 && period != 10 && period != 20 && period != 30) {
        throw CloudWatchErrors.validation(
            "Period (" + period + ") must be 10, 20, 30 or a multiple of 60.");
      }
    }
    var n = in.path("EvaluationPeriods").asInt();
    var span = (long) n * in.path("Period").asLong(60);
    var most = in.path("Period").asLong(60) >= 3600 ? 7 * 86_400 : 86_400;
    if (single && span > most) {
      throw CloudWatchErrors.validation(
          "Metrics cannot be checked across more than "
              + (most == 86_400 ? "a day" : "7 days")
              + " (EvaluationPeriods * Period must be <= "
              + most
              + ")");
    }
    if (in.path("DatapointsToAlarm").asInt(n) > n) {
      throw CloudWatchErrors.validation(
          "DatapointsToAlarm must be less than or equal to EvaluationPeriods.");
    }
    var treat = in.path("TreatMissingData").asText("missing");
    if (!java.util.List.of("breaching", "notBreaching", "ignore", "missing").contains(treat)) {
      throw CloudWatchErrors.validation(
          "TreatMissingData must be one of breaching, notBreaching, ignore, missing; was "
              + treat
              + ".");
    }
  }

  private static void required(ObjectNode in, String member) {
    if (!in.hasNonNull(member)) {
      throw CloudWatchErrors.validation(
          "1 validation error detected: Value null at '"
              + Character.toLowerCase(member.charAt(0))
              + member.substring(1)
              + "' failed to satisfy constraint: Member must not be null");
    }
  }
}
