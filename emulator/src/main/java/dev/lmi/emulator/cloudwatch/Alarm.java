package dev.lmi.emulator.cloudwatch;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** One metric alarm: its configuration as put, and its state; guarded by the state lock. */
final class Alarm {
  private static final List<String> OPERATORS =
      List.of(
          "GreaterThanOrEqualToThreshold",
          "GreaterThanThreshold",
          "LessThanThreshold",
          "LessThanOrEqualToThreshold");

  final String name;
  final String arn;
  ObjectNode config;
  long configUpdated;
  String state = "INSUFFICIENT_DATA";
  String reason = "Unchecked: Initial alarm creation";
  String reasonData;
  long stateUpdated;
  long stateTransitioned;
  long nextEvaluation;

  Alarm(String name, String arn, long now) {
    this.name = name;
    this.arn = arn;
    this.stateUpdated = now;
    this.stateTransitioned = now;
  }

  /**
   * Whether the emulator evaluates this alarm: one metric, a simple statistic, a static threshold.
   * Metric math, percentile and anomaly-band alarms keep the state they were last set to.
   */
  boolean evaluated() {
    return config.has("MetricName")
        && config.has("Statistic")
        && config.has("Threshold")
        && OPERATORS.contains(config.path("ComparisonOperator").asText());
  }

  /** Every minute; every 10, 20 or 30 seconds for a high-resolution period. */
  long interval() {
    return Math.min(config.path("Period").asLong(60), 60) * 1000;
  }

  void setState(String value, String why, String data, long now) {
    if (!value.equals(state)) {
      stateTransitioned = now;
    }
    state = value;
    reason = why;
    reasonData = data;
    stateUpdated = now;
  }

  /** As the model's MetricAlarm. */
  ObjectNode toJson() {
    var out = JsonNodeFactory.instance.objectNode();
    out.put("ActionsEnabled", true);
    for (var list : List.of("OKActions", "AlarmActions", "InsufficientDataActions", "Dimensions")) {
      out.putArray(list);
    }
    out.setAll(config.deepCopy());
    out.remove("Tags");
    out.put("AlarmArn", arn);
    out.put("AlarmConfigurationUpdatedTimestamp", Timestamps.seconds(configUpdated));
    out.put("StateValue", state).put("StateReason", reason);
    if (reasonData != null) {
      out.put("StateReasonData", reasonData);
    }
    out.put("StateUpdatedTimestamp", Timestamps.seconds(stateUpdated));
    out.put("StateTransitionedTimestamp", Timestamps.seconds(stateTransitioned));
    return out;
  }
}
