package dev.lmi.emulator.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** What identifies a metric: namespace, name and the whole set of dimensions. */
record MetricKey(String namespace, String name, SortedMap<String, String> dimensions)
    implements Comparable<MetricKey> {

  MetricKey {
    dimensions = Collections.unmodifiableSortedMap(new TreeMap<>(dimensions));
  }

  static MetricKey of(String namespace, String name, Map<String, String> dimensions) {
    return new MetricKey(namespace, name, new TreeMap<>(dimensions));
  }

  /** From a model {@code Metric} (Namespace, MetricName, Dimensions [{Name, Value}]). */
  static MetricKey of(JsonNode metric) {
    return of(
        metric.path("Namespace").asText(),
        metric.path("MetricName").asText(),
        dimensions(metric.path("Dimensions")));
  }

  static SortedMap<String, String> dimensions(JsonNode list) {
    var out = new TreeMap<String, String>();
    list.forEach(d -> out.put(d.path("Name").asText(), d.path("Value").asText()));
    return out;
  }

  /** As the model's {@code Metric} shape. */
  ObjectNode toJson() {
    var out = JsonNodeFactory.instance.objectNode();
    out.put("Namespace", namespace).put("MetricName", name);
    var dims = out.putArray("Dimensions");
    dimensions.forEach((k, v) -> dims.addObject().put("Name", k).put("Value", v));
    return out;
  }

  @Override
  public int compareTo(MetricKey o) {
    var c = namespace.compareTo(o.namespace);
    c = c != 0 ? c : name.compareTo(o.name);
    return c != 0 ? c : dimensions.toString().compareTo(o.dimensions.toString());
  }
}
