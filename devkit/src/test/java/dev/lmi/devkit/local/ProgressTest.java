package dev.lmi.devkit.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressTest {

  private static Progress.Row row(String kind, String json) throws Exception {
    return Progress.row(kind, Serialization.jsonMapper().readTree(json));
  }

  @Test
  void showsTheCapacityColumnsOfProvidersAndFunctions() throws Exception {
    var provider =
        row(
            "CapacityProvider",
            """
            {"metadata":{"name":"local-pool","generation":1},
             "status":{"observedGeneration":1,"capacity":{"summary":"6/8/400"},
               "cost":{"monthlyUsd":"182.59"},
               "conditions":[{"type":"Ready","status":"True","reason":"Ready","message":"Active"}]}}
            """);
    var function =
        row(
            "LmiFunction",
            """
            {"metadata":{"name":"list-orders","namespace":"orders","generation":2},
             "status":{"observedGeneration":2,"aliasVersion":"1",
               "capacity":{"vCpuPerEnvironment":1,"vCpuAtMin":0,"vCpuAtMax":0},
               "cost":{"monthlyUsd":"0.00"},
               "conditions":[{"type":"Ready","status":"True","reason":"Suspended",
                 "message":"spec.suspend: 0..0 execution environments"}]}}
            """);
    var starting = row("LmiFunction", "{\"metadata\":{\"name\":\"new\",\"namespace\":\"orders\"}}");

    var lines = Progress.table(List.of(provider, function, starting)).split("\n");

    assertThat(lines[0])
        .containsPattern(
            "KIND +NAME +READY +REASON +VERSION +VCPU MIN/MAX/CEILING +EST. USD/MONTH +MESSAGE");
    assertThat(lines[1]).containsPattern("local-pool +True +Ready +- +6/8/400 +182.59 +Active");
    assertThat(lines[2]).containsPattern("orders/list-orders +True +Suspended +1 +0/0 +0.00 ");
    assertThat(lines[3]).containsPattern("orders/new +- +- +- +- +- *$");
    assertThat(function.isReady()).isTrue();
  }
}
