package dev.lmi.sandbox.kube;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class EventTableTest {
  private static final ObjectMapper M = new ObjectMapper();
  private final EventTable table =
      new EventTable(Clock.fixed(Instant.parse("2026-12-06T10:05:00Z"), ZoneOffset.UTC));

  @Test
  void printsTheColumnsKubectlGetEventsShows() throws Exception {
    var list =
        M.readTree(
            """
            {"items":[{"metadata":{"name":"fn.1","namespace":"team"},"type":"Warning",
              "reason":"VersionFailed","message":" version 1 failed ","count":3,
              "firstTimestamp":"2026-12-06T10:00:00Z","lastTimestamp":"2026-12-06T10:04:30Z",
              "involvedObject":{"kind":"LmiFunction","name":"fn","namespace":"team"},
              "source":{"component":"lmi-operator"}}]}
            """);

    var result = table.of(list);

    assertThat(result.path("columnDefinitions").findValuesAsText("name"))
        .containsExactly(
            "Last Seen",
            "Type",
            "Reason",
            "Object",
            "Subobject",
            "Source",
            "Message",
            "First Seen",
            "Count",
            "Name");
    assertThat(result.at("/rows/0/cells").toString())
        .isEqualTo(
            "[\"30s\",\"Warning\",\"VersionFailed\",\"lmifunction/fn\",\"\",\"lmi-operator\","
                + "\"version 1 failed\",\"5m\",3,\"fn.1\"]");
    assertThat(result.at("/rows/0/object/metadata/name").asText()).isEqualTo("fn.1");
  }

  @Test
  void anEventWithoutTimestampsIsOfUnknownAge() throws Exception {
    var list = M.readTree("{\"items\":[{\"metadata\":{\"name\":\"e\"},\"involvedObject\":{}}]}");

    assertThat(table.of(list).at("/rows/0/cells/0").asText()).isEqualTo("<unknown>");
    assertThat(table.of(list).at("/rows/0/cells/8").asInt()).isEqualTo(1);
  }
}
