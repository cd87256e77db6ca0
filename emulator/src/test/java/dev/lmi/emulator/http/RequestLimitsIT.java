package dev.lmi.emulator.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lmi.emulator.EmulatorConfig;
import dev.lmi.emulator.LmiEmulator;
import dev.lmi.emulator.Timings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Request bodies are capped at AWS's own limits, and malformed code is a client error. */
class RequestLimitsIT {
  private static LmiEmulator emulator;

  @BeforeAll
  static void start() {
    emulator = LmiEmulator.start(EmulatorConfig.defaults().withTimings(Timings.instant()));
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  private static RawHttp json() {
    return RawHttp.to(emulator.endpoint()).header("Content-Type", "application/json");
  }

  private static String create(String name, String zipFile) {
    return "{\"FunctionName\":\""
        + name
        + "\",\"Role\":\"arn:aws:iam::123456789012:role/r\",\"Runtime\":\"java21\","
        + "\"Handler\":\"h\",\"Code\":{\"ZipFile\":"
        + zipFile
        + "}}";
  }

  @Test
  void badBase64InZipFileIsAnInvalidParameter() throws Exception {
    var answer = json().send("POST", "/2015-03-31/functions", create("b64", "\"%%not base64%%\""));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.errorType()).isEqualTo("InvalidParameterValueException");
    assertThat(answer.body()).contains("ZipFile");
  }

  @Test
  void aZipFileThatIsNotAStringIsAClientError() throws Exception {
    var answer = json().send("POST", "/2015-03-31/functions", create("num", "{\"a\":1}"));

    assertThat(answer.status()).isBetween(400, 499);
  }

  @Test
  void aCodeUploadLargerThanAwsAcceptsIsRefusedBeforeItIsRead() throws Exception {
    var answer = json().send("POST", "/2015-03-31/functions", new byte[0], 69_905_068L);

    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.errorType()).isEqualTo("RequestEntityTooLargeException");
    assertThat(answer.body())
        .contains("Request must be smaller than 69905067 bytes for the CreateFunction operation");
  }

  @Test
  void anUpdateFunctionCodeLargerThanAwsAcceptsIsRefused() throws Exception {
    var answer = json().send("PUT", "/2015-03-31/functions/f/code", new byte[0], 69_905_068L);

    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.body()).contains("for the UpdateFunctionCode operation");
  }

  @Test
  void anInvokePayloadOverSixMegabytesIsRefusedEvenWhenStreamedWithoutALength() throws Exception {
    var payload = new byte[6 * 1024 * 1024 + 1];
    Arrays.fill(payload, (byte) ' ');
    var streamed =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(emulator.endpoint() + "/2015-03-31/functions/f/invocations"))
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofInputStream(
                            () -> new java.io.ByteArrayInputStream(payload)))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(streamed.statusCode()).isEqualTo(413);
    assertThat(streamed.headers().firstValue("X-Amzn-ErrorType"))
        .hasValue("RequestEntityTooLargeException");
    assertThat(streamed.body())
        .contains("Request must be smaller than 6291456 bytes for the InvokeFunction operation");
  }

  @Test
  void otherOperationsAreCappedToo() throws Exception {
    var answer = json().send("POST", "/2025-11-30/capacity-providers", new byte[0], 6_291_457L);
    var admin = json().send("POST", "/_emulator/faults", new byte[0], 1_000_000L);

    assertThat(answer.status()).isEqualTo(413);
    assertThat(admin.status()).isEqualTo(413);
  }

  @Test
  void aFiftyMegabyteZipFileIsAccepted() throws Exception {
    var zip = new byte[50 * 1000 * 1000];
    var b64 = java.util.Base64.getEncoder().encodeToString(zip);
    var answer = json().send("POST", "/2015-03-31/functions", create("big", "\"" + b64 + "\""));

    assertThat(answer.status()).isEqualTo(201);
    assertThat(answer.body()).contains("\"CodeSize\":50000000");
  }
}
