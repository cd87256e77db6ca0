package dev.lmi.sandbox.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Renders custom resources as a {@code meta.k8s.io/v1 Table} with the CRD's printer columns, as a
 * real API server does when kubectl asks for {@code as=Table}.
 */
public final class PrinterTable {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private final Clock clock;

  public PrinterTable(Clock clock) {
    this.clock = clock;
  }

  /**
   * @param crd the CustomResourceDefinition as JSON
   * @param version the served version whose printer columns apply
   * @param body a single object or a list (with {@code items})
   */
  public ObjectNode toTable(JsonNode crd, String version, JsonNode body) {
    var columns = columns(crd, version);
    var table = F.objectNode().put("kind", "Table").put("apiVersion", "meta.k8s.io/v1");
    var rv = body.path("metadata").path("resourceVersion");
    table.putObject("metadata").put("resourceVersion", rv.isMissingNode() ? "" : rv.asText());
    var definitions = table.putArray("columnDefinitions");
    definitions.add(column("Name", "string", "name", "Name of the resource", 0));
    for (var c : columns) {
      definitions.add(
          column(
              c.path("name").asText(),
              c.path("type").asText("string"),
              c.path("format").asText(""),
              c.path("description").asText(""),
              c.path("priority").asInt(0)));
    }
    var rows = table.putArray("rows");
    var items = body.has("items") ? body.get("items") : F.arrayNode().add(body);
    for (var item : items) {
      rows.add(row(item, columns));
    }
    return table;
  }

  private ObjectNode row(JsonNode item, ArrayNode columns) {
    var row = F.objectNode();
    var cells = row.putArray("cells");
    cells.add(item.path("metadata").path("name").asText());
    for (var c : columns) {
      cells.add(cell(JsonPathLite.first(item, c.path("jsonPath").asText()), c));
    }
    row.putObject("object")
        .put("kind", "PartialObjectMetadata")
        .put("apiVersion", "meta.k8s.io/v1")
        .set("metadata", item.path("metadata").deepCopy());
    return row;
  }

  private JsonNode cell(JsonNode value, JsonNode column) {
    if (value == null) {
      return F.nullNode();
    }
    if ("date".equals(column.path("type").asText())) {
      return F.textNode(age(Instant.parse(value.asText())));
    }
    if (value.isContainerNode()) {
      return F.textNode(value.toString());
    }
    return value;
  }

  /** As the API server renders a date column: kubectl's HumanDuration of the age. */
  String age(Instant created) {
    return HumanDuration.of(Duration.between(created, clock.instant()));
  }

  /** The version's printer columns; like the API server, only Age when the CRD names none. */
  private static ArrayNode columns(JsonNode crd, String version) {
    for (var v : crd.path("spec").path("versions")) {
      if (v.path("name").asText().equals(version) && v.has("additionalPrinterColumns")) {
        return ((ArrayNode) v.get("additionalPrinterColumns")).deepCopy();
      }
    }
    return F.arrayNode().add(ageColumn());
  }

  private static ObjectNode ageColumn() {
    return F.objectNode()
        .put("name", "Age")
        .put("type", "date")
        .put("jsonPath", ".metadata.creationTimestamp");
  }

  private static ObjectNode column(
      String name, String type, String format, String description, int priority) {
    return F.objectNode()
        .put("name", name)
        .put("type", type)
        .put("format", format)
        .put("description", description)
        .put("priority", priority);
  }
}
