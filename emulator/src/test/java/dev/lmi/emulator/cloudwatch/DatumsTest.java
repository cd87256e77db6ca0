package dev.lmi.emulator.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lmi.emulator.http.ApiException;
import dev.lmi.emulator.lambda.Json;
import org.junit.jupiter.api.Test;

class DatumsTest {
  private static final long NOW = 1_800_000_000_000L;

  private static JsonNode datum(String json) throws Exception {
    return Json.MAPPER.readTree(json);
  }

  private static String refusal(String json) throws Exception {
    var d = datum(json);
    try {
      Datums.read("Shop", d, "MetricData.member.1", NOW);
      return "accepted";
    } catch (ApiException e) {
      return e.code() + ": " + e.getMessage();
    }
  }

  @Test
  void valuesWithCountsBecomeOneSample() throws Exception {
    var d =
        Datums.read(
            "Shop",
            datum(
                "{\"MetricName\":\"m\",\"Values\":[1,4],\"Counts\":[3,1],\"StorageResolution\":1}"),
            "MetricData.member.1",
            NOW);

    assertThat(d.sample()).isEqualTo(new Series.Sample(7, 1, 4, 4));
    assertThat(d.highResolution()).isTrue();
    assertThat(d.millis()).isEqualTo(NOW);
  }

  @Test
  void refusesWhatCloudWatchCannotStore() throws Exception {
    assertThat(refusal("{\"MetricName\":\"m\"}"))
        .startsWith("InvalidParameterCombination: At least one of the parameters");
    assertThat(refusal("{\"MetricName\":\"m\",\"Value\":1,\"Values\":[1]}"))
        .contains("are mutually exclusive");
    assertThat(refusal("{\"MetricName\":\"m\",\"Value\":1e200}"))
        .isEqualTo(
            "InvalidParameterValue: The value 1.0E200 for parameter MetricData.member.1.Value is"
                + " invalid.");
    assertThat(refusal("{\"MetricName\":\"m\",\"Values\":[1,2],\"Counts\":[1]}"))
        .contains("must be of the same size");
    assertThat(refusal("{\"MetricName\":\"m\",\"Value\":1,\"StorageResolution\":30}"))
        .contains("StorageResolution is invalid");
    assertThat(refusal("{\"MetricName\":\"m\",\"Value\":1,\"Timestamp\":1000}"))
        .contains("no more than two weeks in the past");
    assertThatThrownBy(
            () ->
                Datums.read(
                    "Shop",
                    datum(
                        "{\"MetricName\":\"m\",\"Value\":1,\"Dimensions\":[{\"Name\":\"a\","
                            + "\"Value\":\"1\"},{\"Name\":\"a\",\"Value\":\"2\"}]}"),
                    "MetricData.member.1",
                    NOW))
        .hasMessageContaining("appears twice");
  }
}
