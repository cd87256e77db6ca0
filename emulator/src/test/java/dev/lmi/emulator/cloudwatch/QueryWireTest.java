package dev.lmi.emulator.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lmi.emulator.http.ApiException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryWireTest {
  private static Map<String, String> form(String... pairs) {
    var out = new LinkedHashMap<String, String>();
    for (var i = 0; i < pairs.length; i += 2) {
      out.put(pairs[i], pairs[i + 1]);
    }
    return out;
  }

  @Test
  void readsListsOfStructuresNumbersAndTimestampsThroughTheShape() {
    var input =
        QueryWire.decode(
            form(
                "Namespace", "Shop",
                "MetricData.member.1.MetricName", "Orders",
                "MetricData.member.1.Value", "2.5",
                "MetricData.member.1.Timestamp", "2026-03-02T12:00:00Z",
                "MetricData.member.1.Dimensions.member.1.Name", "Shop",
                "MetricData.member.1.Dimensions.member.1.Value", "north",
                "MetricData.member.2.MetricName", "Refunds",
                "MetricData.member.2.StatisticValues.Sum", "3",
                "MetricData.member.2.StorageResolution", "1",
                "Unknown", "ignored"),
            "PutMetricDataInput");

    assertThat(input.toString())
        .isEqualTo(
            "{\"Namespace\":\"Shop\",\"MetricData\":[{\"MetricName\":\"Orders\","
                + "\"Dimensions\":[{\"Name\":\"Shop\",\"Value\":\"north\"}],"
                + "\"Timestamp\":1.7724528E9,\"Value\":2.5},{\"MetricName\":\"Refunds\","
                + "\"StatisticValues\":{\"Sum\":3.0},\"StorageResolution\":1}]}");
  }

  @Test
  void anEmptyListIsGivenByItsBareName() {
    var input = QueryWire.decode(form("AlarmNames", ""), "DescribeAlarmsInput");

    assertThat(input.get("AlarmNames").isArray()).isTrue();
    assertThat(input.get("AlarmNames")).isEmpty();
  }

  @Test
  void aValueThatIsNotItsTypeIsInvalid() {
    assertThatThrownBy(() -> QueryWire.decode(form("MaxRecords", "many"), "DescribeAlarmsInput"))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.code()).isEqualTo("InvalidParameterValue");
              assertThat(e.getMessage())
                  .isEqualTo("The value many for parameter MaxRecords is invalid.");
            });
  }
}
