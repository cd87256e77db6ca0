package dev.lmi.emulator.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.lmi.emulator.http.ApiException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class WireTest {
  @Test
  void cborAnswersTagTimestampsAndWriteOnlyModelMembers() {
    var out = JsonNodeFactory.instance.objectNode();
    var alarm = out.putArray("MetricAlarms").addObject();
    alarm.put("AlarmName", "a").put("StateUpdatedTimestamp", 1.5).put("NotInTheModel", 1);

    var response = Wire.encode(Protocol.CBOR, out, "DescribeAlarmsOutput");

    var hex = HexFormat.of().formatHex(response.body());
    assertThat(response.headers())
        .containsEntry("Content-Type", "application/cbor")
        .containsEntry("smithy-protocol", "rpc-v2-cbor");
    assertThat(hex).contains("c1fb3ff8000000000000");
    assertThat(new String(response.body(), java.nio.charset.StandardCharsets.ISO_8859_1))
        .contains("AlarmName")
        .doesNotContain("NotInTheModel");
  }

  @Test
  void anOperationWithoutOutputAnswersWithoutABody() {
    var response = Wire.encode(Protocol.CBOR, null, null);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).isEmpty();
    assertThat(response.headers()).doesNotContainKey("Content-Type");
  }

  @Test
  void errorsNameTheirShapeAndCarryTheQueryCode() {
    var error = Wire.error(Protocol.JSON, CloudWatchErrors.notFound("Alarm x not found"));
    var validation = Wire.error(Protocol.JSON, new ApiException(400, "ValidationError", "bad"));

    assertThat(error.status()).isEqualTo(404);
    assertThat(error.headers()).containsEntry("x-amzn-query-error", "ResourceNotFound;Sender");
    assertThat(new String(error.body()))
        .isEqualTo(
            "{\"__type\":\"com.amazonaws.cloudwatch#ResourceNotFound\",\"message\":\"Alarm x not"
                + " found\"}");
    assertThat(new String(validation.body()))
        .contains("\"__type\":\"com.amazon.coral.validate#ValidationException\"");
  }
}
