package dev.lmi.emulator.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/** PutMetricData and ListMetrics. */
final class MetricsApi {
  private static final int PAGE = 500;
  private static final long RECENT = 3 * 3_600_000L;
  private final CloudWatchState s;

  MetricsApi(CloudWatchState state) {
    this.s = state;
  }

  /** Checks every datum first, so a request is stored whole or not at all. */
  JsonNode put(ObjectNode in) {
    var namespace = in.path("Namespace").asText();
    if (namespace.startsWith("AWS/")) {
      throw CloudWatchErrors.invalidValue(
          "The value " + namespace + " for parameter Namespace is invalid.");
    }
    var data = new ArrayList<JsonNode>();
    in.path("MetricData").forEach(data::add);
    in.path("EntityMetricData").forEach(e -> e.path("MetricData").forEach(data::add));
    if (data.isEmpty()) {
      throw CloudWatchErrors.combination(
          "At least one of the parameters MetricData and EntityMetricData must be specified.");
    }
    synchronized (s) {
      s.catchUp();
      var datums = new ArrayList<Datums.Datum>();
      for (var i = 0; i < data.size(); i++) {
        datums.add(Datums.read(namespace, data.get(i), "MetricData.member." + (i + 1), s.now()));
      }
      checkRoom(datums);
      for (var d : datums) {
        s.metrics.add(d.key(), d.millis(), d.sample(), d.highResolution(), d.unit());
      }
    }
    return null;
  }

  /** A full store refuses the whole request, so nothing of it is half stored. */
  private void checkRoom(List<Datums.Datum> datums) {
    var fresh = new HashSet<MetricKey>();
    datums.stream().map(Datums.Datum::key).filter(k -> !s.metrics.contains(k)).forEach(fresh::add);
    if (!s.metrics.hasRoomFor(fresh.size())) {
      throw CloudWatchErrors.limit(
          "[lmi-emulator] The emulator holds at most "
              + MetricStore.MAX_METRICS
              + " metrics and "
              + MetricStore.MAX_BUCKETS
              + " data buckets; it is full.");
    }
  }

  JsonNode list(ObjectNode in) {
    var namespace = in.path("Namespace").asText(null);
    var name = in.path("MetricName").asText(null);
    var filters = in.path("Dimensions");
    var recentOnly = in.has("RecentlyActive");
    List<MetricKey> matches;
    synchronized (s) {
      s.catchUp();
      var since = s.now() - RECENT;
      matches =
          s.metrics.all().stream()
              .filter(e -> namespace == null || e.getKey().namespace().equals(namespace))
              .filter(e -> name == null || e.getKey().name().equals(name))
              .filter(e -> matches(e.getKey(), filters))
              .filter(e -> !recentOnly || e.getValue().lastMillis >= since)
              .map(java.util.Map.Entry::getKey)
              .sorted()
              .toList();
    }
    var out = JsonNodeFactory.instance.objectNode();
    var metrics = out.putArray("Metrics");
    Tokens.page(matches, "ListMetrics", in, PAGE, out).forEach(k -> metrics.add(k.toJson()));
    if (in.path("IncludeLinkedAccounts").asBoolean(false)) {
      var owners = out.putArray("OwningAccounts");
      metrics.forEach(m -> owners.add(s.accountId));
    }
    return out;
  }

  /** Every filter's dimension is present (with its value, when the filter gives one). */
  private static boolean matches(MetricKey key, JsonNode filters) {
    for (var f : filters) {
      var value = key.dimensions().get(f.path("Name").asText());
      if (value == null || f.has("Value") && !f.get("Value").asText().equals(value)) {
        return false;
      }
    }
    return true;
  }
}
