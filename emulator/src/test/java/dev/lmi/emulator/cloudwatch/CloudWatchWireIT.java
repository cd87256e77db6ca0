package dev.lmi.emulator.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import dev.lmi.emulator.EmulatorConfig;
import dev.lmi.emulator.Faults;
import dev.lmi.emulator.LmiEmulator;
import dev.lmi.emulator.Timings;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** CloudWatch's three wire protocols over raw HTTP: routing, headers, refusals, error shapes. */
class CloudWatchWireIT {
  private static final String CBOR_PATH = "/service/GraniteServiceVersion20100801/operation/";
  private static final ObjectMapper CBOR = new ObjectMapper(new CBORFactory());
  private static LmiEmulator emulator;

  @BeforeAll
  static void start() {
    emulator = LmiEmulator.start(EmulatorConfig.defaults().withTimings(Timings.instant()));
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  private static HttpResponse<byte[]> post(String path, Map<String, String> headers, byte[] body)
      throws Exception {
    var request = HttpRequest.newBuilder(emulator.endpoint().resolve(path));
    headers.forEach(request::header);
    // A fresh client each time: the server closes a connection whose body it refused to read.
    try (var http = HttpClient.newHttpClient()) {
      return http.send(
          request.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
          HttpResponse.BodyHandlers.ofByteArray());
    }
  }

  private static HttpResponse<byte[]> cbor(String operation, Map<String, String> headers, Object in)
      throws Exception {
    return post(
        CBOR_PATH + operation, headers, in == null ? new byte[0] : CBOR.writeValueAsBytes(in));
  }

  private static final Map<String, String> CBOR_HEADERS =
      Map.of("smithy-protocol", "rpc-v2-cbor", "Content-Type", "application/cbor");

  private static JsonNode cborBody(HttpResponse<byte[]> response) throws Exception {
    return CBOR.readTree(response.body());
  }

  @Test
  void cborAnswersCarryTheProtocolHeaderAndAListEvenWhenEmpty() throws Exception {
    var response = cbor("DescribeAlarms", CBOR_HEADERS, Map.of());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("smithy-protocol")).hasValue("rpc-v2-cbor");
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/cbor");
    assertThat(cborBody(response).path("MetricAlarms").isArray()).isTrue();
  }

  @Test
  void cborRequestsWithoutTheProtocolHeaderOrOfAnotherTypeAreRefused() throws Exception {
    var noHeader = cbor("DescribeAlarms", Map.of("Content-Type", "application/cbor"), Map.of());
    var plain =
        cbor(
            "DescribeAlarms",
            Map.of("smithy-protocol", "rpc-v2-cbor", "Content-Type", "text/plain"),
            Map.of());

    assertThat(noHeader.statusCode()).isEqualTo(400);
    assertThat(noHeader.headers().firstValue("x-amzn-query-error"))
        .hasValue("ValidationError;Sender");
    assertThat(plain.statusCode()).isEqualTo(415);
  }

  @Test
  void unknownOperationsAreNamedInEachProtocolsWay() throws Exception {
    var viaCbor = cbor("GetDashboard", CBOR_HEADERS, Map.of());
    var viaJson =
        post(
            "/",
            Map.of(
                "X-Amz-Target", "GraniteServiceVersion20100801.GetDashboard",
                "Content-Type", "application/x-amz-json-1.0"),
            "{}".getBytes());
    var viaQuery =
        post(
            "/",
            Map.of(
                "Content-Type", "application/x-www-form-urlencoded",
                "Authorization",
                    "AWS4-HMAC-SHA256 Credential=AKID/20260302/us-east-1/monitoring/aws4_request, x"),
            "Action=GetDashboard&Version=2010-08-01".getBytes());

    assertThat(cborBody(viaCbor).path("__type").asText())
        .isEqualTo("com.amazon.coral.service#UnknownOperationException");
    assertThat(new String(viaJson.body())).contains("UnknownOperationException");
    assertThat(viaQuery.statusCode()).isEqualTo(400);
    assertThat(new String(viaQuery.body()))
        .contains("<Code>InvalidAction</Code>", "<Type>Sender</Type>");
    assertThat(emulator.admin().counters())
        .containsKey("UnknownOperation")
        .doesNotContainKey("GetDashboard");
  }

  @Test
  void aBodyThatIsNotAnObjectIsASerializationError() throws Exception {
    var response = post(CBOR_PATH + "DescribeAlarms", CBOR_HEADERS, CBOR.writeValueAsBytes(42));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(cborBody(response).path("__type").asText())
        .isEqualTo("com.amazon.coral.service#SerializationException");
  }

  @Test
  void requestsOverAMegabyteAreRefusedBeforeTheyAreRead() throws Exception {
    var response = post(CBOR_PATH + "PutMetricData", CBOR_HEADERS, new byte[1_048_577]);

    assertThat(response.statusCode()).isEqualTo(413);
  }

  @Test
  void injectedThrottlesAnswerAsCloudWatchThrottles() throws Exception {
    emulator.admin().setFaults("ListMetrics", Faults.throttles(1.0, 1));
    try {
      var response = cbor("ListMetrics", CBOR_HEADERS, Map.of());

      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(response.headers().firstValue("x-amzn-query-error")).hasValue("Throttling;Sender");
      assertThat(emulator.admin().counters().get("ListMetrics")).containsEntry("Throttling", 1L);
    } finally {
      emulator.admin().clearFaults();
    }
  }
}
