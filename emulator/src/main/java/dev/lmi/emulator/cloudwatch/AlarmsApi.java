package dev.lmi.emulator.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lmi.emulator.lambda.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;

/** PutMetricAlarm, DescribeAlarms, SetAlarmState and DeleteAlarms (metric alarms). */
final class AlarmsApi {
  static final int MAX_ALARMS = 5000;
  private final CloudWatchState s;

  AlarmsApi(CloudWatchState state) {
    this.s = state;
  }

  /**
   * Creates or replaces an alarm and evaluates it at once; a replaced alarm keeps its state unless
   * that evaluation changes it.
   */
  JsonNode put(ObjectNode in) {
    AlarmRules.check(in);
    synchronized (s) {
      s.catchUp();
      var name = in.get("AlarmName").asText();
      var alarm = s.alarms.get(name);
      if (alarm == null) {
        if (s.alarms.size() >= MAX_ALARMS) {
          throw CloudWatchErrors.limit(
              "The quota for alarms for this customer has already been reached.");
        }
        var arn = "arn:aws:cloudwatch:" + s.region + ":" + s.accountId + ":alarm:" + name;
        alarm = new Alarm(name, arn, s.now());
        s.alarms.put(name, alarm);
      }
      alarm.config = in.deepCopy();
      alarm.configUpdated = s.now();
      s.evaluate(alarm);
    }
    return null;
  }

  JsonNode describe(ObjectNode in) {
    if (in.has("AlarmNames") && in.has("AlarmNamePrefix")) {
      throw CloudWatchErrors.combination(
          "AlarmNames and AlarmNamePrefix are mutually exclusive; specify one of them.");
    }
    var matches = new ArrayList<ObjectNode>();
    if (metricAlarmsWanted(in)) {
      synchronized (s) {
        s.catchUp();
        s.alarms.values().stream()
            .filter(a -> matches(a, in))
            .forEach(a -> matches.add(a.toJson()));
      }
    }
    var out = JsonNodeFactory.instance.objectNode();
    var page = Tokens.page(matches, "DescribeAlarms", in, in.path("MaxRecords").asInt(50), out);
    out.putArray("MetricAlarms").addAll(page);
    out.putArray("CompositeAlarms");
    return out;
  }

  private static boolean matches(Alarm alarm, ObjectNode in) {
    var names = new HashSet<String>();
    in.path("AlarmNames").forEach(n -> names.add(n.asText()));
    var stateValue = in.path("StateValue").asText(null);
    var actionPrefix = in.path("ActionPrefix").asText(null);
    return (names.isEmpty() || names.contains(alarm.name))
        && alarm.name.startsWith(in.path("AlarmNamePrefix").asText(""))
        && (stateValue == null || stateValue.equals(alarm.state))
        && (actionPrefix == null || hasAction(alarm, actionPrefix));
  }

  /** Composite alarms are not emulated: asking for them alone, or for relatives, finds none. */
  private static boolean metricAlarmsWanted(ObjectNode in) {
    var metricType = !in.has("AlarmTypes");
    for (var type : in.path("AlarmTypes")) {
      metricType |= type.asText().equals("MetricAlarm");
    }
    return metricType && !in.has("ChildrenOfAlarmName") && !in.has("ParentsOfAlarmName");
  }

  private static boolean hasAction(Alarm alarm, String prefix) {
    for (var list : new String[] {"OKActions", "AlarmActions", "InsufficientDataActions"}) {
      for (var action : alarm.config.path(list)) {
        if (action.asText().startsWith(prefix)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Sets the state until the alarm's next evaluation, one evaluation interval later (60 s, or the
   * period of a high-resolution alarm); the alarm's metric decides from then on.
   */
  JsonNode setState(ObjectNode in) {
    var data = in.path("StateReasonData").asText(null);
    if (data != null && !isJson(data)) {
      throw CloudWatchErrors.of("InvalidFormat", "StateReasonData is not valid JSON: " + data);
    }
    synchronized (s) {
      s.catchUp();
      var name = in.get("AlarmName").asText();
      var alarm = s.alarms.get(name);
      if (alarm == null) {
        throw CloudWatchErrors.notFound("Alarm " + name + " not found");
      }
      alarm.setState(in.get("StateValue").asText(), in.get("StateReason").asText(), data, s.now());
      s.holdUntilNextEvaluation(alarm);
    }
    return null;
  }

  /** Deletes every named alarm, or none when one of them does not exist. */
  JsonNode delete(ObjectNode in) {
    synchronized (s) {
      var missing = new ArrayList<String>();
      in.path("AlarmNames")
          .forEach(
              n -> {
                if (!s.alarms.containsKey(n.asText())) {
                  missing.add(n.asText());
                }
              });
      if (!missing.isEmpty()) {
        throw CloudWatchErrors.notFound("Alarms not found: " + missing);
      }
      in.path("AlarmNames").forEach(n -> s.alarms.remove(n.asText()));
    }
    return null;
  }

  private static boolean isJson(String text) {
    try {
      Json.MAPPER.readTree(text);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
