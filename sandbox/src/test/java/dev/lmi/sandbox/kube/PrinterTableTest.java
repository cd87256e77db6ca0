package dev.lmi.sandbox.kube;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PrinterTableTest {
  private static final ObjectMapper M = new ObjectMapper();
  private final PrinterTable tables =
      new PrinterTable(Clock.fixed(Instant.parse("2026-11-23T09:05:00Z"), ZoneOffset.UTC));

  @Test
  void rendersTheCrdPrinterColumnsOfEveryItem() throws Exception {
    var list =
        json(
            """
            {"kind":"LmiFunctionList","metadata":{"resourceVersion":"7"},"items":[
             {"metadata":{"name":"list-orders","namespace":"orders","creationTimestamp":"2026-11-23T09:00:00Z"},
              "spec":{"capacityProviderRef":{"name":"local-pool"}},
              "status":{"aliasVersion":"3","effectiveScaling":{"window":"days"},
                "capacity":{"vCpuAtMin":6},"cost":{"monthlyUsd":"182.59"},"conditions":[
                {"type":"Other","status":"False"},
                {"type":"Ready","status":"True","reason":"Ready"}]}},
             {"metadata":{"name":"new-one","namespace":"orders","creationTimestamp":"2026-11-23T09:04:30Z"},
              "spec":{"capacityProviderRef":{"name":"local-pool"}}}]}
            """);

    var table = tables.toTable(crd("lmifunctions.lmi.dev"), "v1alpha1", list);

    assertThat(table.path("kind").asText()).isEqualTo("Table");
    assertThat(table.path("metadata").path("resourceVersion").asText()).isEqualTo("7");
    assertThat(table.path("columnDefinitions").findValuesAsText("name"))
        .containsExactly(
            "Name",
            "Ready",
            "Reason",
            "Version",
            "Provider",
            "Age",
            "Latest",
            "AWS Name",
            "Window",
            "vCPU Min",
            "Est. USD/Month");
    assertThat(table.path("columnDefinitions").findValuesAsText("priority"))
        .containsExactly("0", "0", "0", "0", "0", "0", "1", "1", "1", "1", "1");
    assertThat(cells(table, 0))
        .isEqualTo(
            json(
                "[\"list-orders\",\"True\",\"Ready\",\"3\",\"local-pool\",\"5m\",null,null,"
                    + "\"days\",6,\"182.59\"]"));
    assertThat(cells(table, 1))
        .isEqualTo(
            json("[\"new-one\",null,null,null,\"local-pool\",\"30s\",null,null,null,null,null]"));
    var object = table.path("rows").get(0).path("object");
    assertThat(object.path("kind").asText()).isEqualTo("PartialObjectMetadata");
    assertThat(object.path("metadata").path("namespace").asText()).isEqualTo("orders");
  }

  @Test
  void rendersASingleObjectAsOneRow() throws Exception {
    var provider =
        json(
            """
            {"metadata":{"name":"local-pool","creationTimestamp":"2026-11-20T09:05:00Z"},
             "spec":{"instanceRequirements":{"architecture":"arm64"}},
             "status":{"state":"Active","attachedVersions":2,
               "capacity":{"summary":"12/40/100"},"cost":{"monthlyUsd":"365.18"}}}
            """);

    var table = tables.toTable(crd("capacityproviders.lmi.dev"), "v1alpha1", provider);

    assertThat(table.path("rows")).hasSize(1);
    var cells = cells(table, 0);
    assertThat(cells.get(0).asText()).isEqualTo("local-pool");
    assertThat(cells.get(3).asText()).isEqualTo("Active");
    assertThat(cells.get(4).asText()).isEqualTo("arm64");
    assertThat(cells.get(5).asInt()).isEqualTo(2);
    assertThat(cells.get(6).asText()).isEqualTo("12/40/100");
    assertThat(cells.get(7).asText()).isEqualTo("3d");
    assertThat(cells.get(9).asText()).isEqualTo("365.18");
  }

  private static JsonNode cells(JsonNode table, int row) {
    return table.path("rows").get(row).path("cells");
  }

  private static JsonNode crd(String name) throws Exception {
    return new YAMLMapper().readTree(KubeApiTest.CRDS.resolve(name + ".yaml").toFile());
  }

  private static JsonNode json(String s) throws Exception {
    return M.readTree(s);
  }
}
