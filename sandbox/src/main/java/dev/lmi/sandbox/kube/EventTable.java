package dev.lmi.sandbox.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * core/v1 Events as the API server's Table for them: LAST SEEN, TYPE, REASON, OBJECT and MESSAGE,
 * plus SUBOBJECT, SOURCE, FIRST SEEN, COUNT and NAME for {@code -o wide}.
 */
final class EventTable {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final String[][] COLUMNS = {
    {"Last Seen", "0"}, {"Type", "0"}, {"Reason", "0"}, {"Object", "0"}, {"Subobject", "1"},
    {"Source", "1"}, {"Message", "0"}, {"First Seen", "1"}, {"Count", "1"}, {"Name", "1"}
  };
  private final Clock clock;

  EventTable(Clock clock) {
    this.clock = clock;
  }

  ObjectNode of(JsonNode list) {
    var table = F.objectNode().put("kind", "Table").put("apiVersion", "meta.k8s.io/v1");
    table
        .putObject("metadata")
        .put("resourceVersion", list.path("metadata").path("resourceVersion").asText(""));
    var columns = table.putArray("columnDefinitions");
    for (var c : COLUMNS) {
      var column =
          columns
              .addObject()
              .put("name", c[0])
              .put("type", "Count".equals(c[0]) ? "integer" : "string");
      column
          .put("format", "Name".equals(c[0]) ? "name" : "")
          .put("description", "")
          .put("priority", Integer.parseInt(c[1]));
    }
    var rows = table.putArray("rows");
    list.path("items").forEach(event -> rows.add(row(event)));
    return table;
  }

  private ObjectNode row(JsonNode e) {
    var first = age(e.path("firstTimestamp"), age(e.path("eventTime"), "<unknown>"));
    var last = age(e.path("lastTimestamp"), first);
    var count = e.path("count").asLong(0);
    if (e.path("series").isObject()) {
      last = age(e.path("series").path("lastObservedTime"), last);
      count = e.path("series").path("count").asLong(count);
    }
    var involved = e.path("involvedObject");
    var kind = involved.path("kind").asText("").toLowerCase(java.util.Locale.ROOT);
    var name = involved.path("name").asText("");
    var row = F.objectNode();
    row.putArray("cells")
        .add(last)
        .add(e.path("type").asText(""))
        .add(e.path("reason").asText(""))
        .add(name.isEmpty() ? kind : kind + "/" + name)
        .add(involved.path("fieldPath").asText(""))
        .add(source(e))
        .add(e.path("message").asText("").strip())
        .add(first)
        .add(count == 0 ? 1 : count)
        .add(e.path("metadata").path("name").asText(""));
    row.putObject("object")
        .put("kind", "PartialObjectMetadata")
        .put("apiVersion", "meta.k8s.io/v1")
        .set("metadata", e.path("metadata").deepCopy());
    return row;
  }

  private static String source(JsonNode e) {
    var component =
        e.path("source").path("component").asText(e.path("reportingComponent").asText(""));
    var host = e.path("source").path("host").asText(e.path("reportingInstance").asText(""));
    return host.isEmpty() ? component : component + ", " + host;
  }

  private String age(JsonNode timestamp, String otherwise) {
    if (!timestamp.isTextual() || timestamp.asText().isEmpty()) {
      return otherwise;
    }
    try {
      return HumanDuration.of(Duration.between(Instant.parse(timestamp.asText()), clock.instant()));
    } catch (DateTimeParseException e) {
      return otherwise;
    }
  }
}
