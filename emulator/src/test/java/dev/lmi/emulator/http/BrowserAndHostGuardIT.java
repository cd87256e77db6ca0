package dev.lmi.emulator.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lmi.emulator.EmulatorConfig;
import dev.lmi.emulator.LmiEmulator;
import dev.lmi.emulator.Timings;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A web page must not be able to drive the emulator: Origin, Host and Content-Type are checked. */
class BrowserAndHostGuardIT {
  private static final String CREATE =
      "{\"FunctionName\":\"%s\",\"Role\":\"arn:aws:iam::123456789012:role/r\","
          + "\"Runtime\":\"java21\",\"Handler\":\"h\",\"Code\":{\"ZipFile\":\"UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA==\"}}";
  private static LmiEmulator emulator;
  private static LmiEmulator permissive;

  @BeforeAll
  static void start() {
    emulator = LmiEmulator.start(EmulatorConfig.defaults().withTimings(Timings.instant()));
    permissive =
        LmiEmulator.start(
            EmulatorConfig.defaults()
                .withTimings(Timings.instant())
                .withAllowedOrigins(List.of("http://localhost:3000"))
                .withAllowedHosts(List.of("emulator.test")));
  }

  @AfterAll
  static void stop() {
    emulator.close();
    permissive.close();
  }

  private static RawHttp http() {
    return RawHttp.to(emulator.endpoint());
  }

  @Test
  void refusesACrossSitePostThatCarriesAnOrigin() throws Exception {
    var answer =
        http()
            .header("Origin", "http://evil.example")
            .header("Content-Type", "text/plain")
            .send("POST", "/2015-03-31/functions", CREATE.formatted("page"));

    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.errorType()).isEqualTo("AccessDeniedException");
    assertThat(answer.body()).contains("--allowed-origin");
    assertThat(answer.headers()).doesNotContainKey("Access-Control-Allow-Origin");
    assertThat(http().send("GET", "/2015-03-31/functions/page", null).status()).isEqualTo(404);
  }

  @Test
  void refusesAnOriginEvenWithAJsonBody() throws Exception {
    var answer =
        http()
            .header("Origin", "null")
            .header("Content-Type", "application/json")
            .send("POST", "/2015-03-31/functions/page/invocations", "{}");

    assertThat(answer.status()).isEqualTo(403);
  }

  @Test
  void refusesATextPlainBodyOnAJsonOperation() throws Exception {
    var answer =
        http()
            .header("Content-Type", "text/plain")
            .send("POST", "/2015-03-31/functions", CREATE.formatted("page"));

    assertThat(answer.status()).isEqualTo(415);
    assertThat(answer.errorType()).isEqualTo("UnsupportedMediaTypeException");
  }

  @Test
  void refusesAFormBodyOnInvoke() throws Exception {
    var answer =
        http()
            .header("Content-Type", "application/x-www-form-urlencoded")
            .send("POST", "/2015-03-31/functions/page/invocations", "a=b");

    assertThat(answer.status()).isEqualTo(415);
  }

  @Test
  void acceptsWhatTheSdksSend() throws Exception {
    var java =
        http()
            .header("Content-Type", "application/json")
            .send("POST", "/2015-03-31/functions", CREATE.formatted("sdk"));
    var older =
        http()
            .header("Content-Type", "application/x-amz-json-1.1")
            .send("POST", "/2015-03-31/functions/sdk/versions", "{}");
    var boto3Invoke = http().send("POST", "/2015-03-31/functions/page/invocations", "{}");
    var emptyJavaInvoke =
        http()
            .header("Content-Type", "application/x-www-form-urlencoded")
            .send("POST", "/2015-03-31/functions/page/invocations", "");

    assertThat(java.status()).isEqualTo(201);
    assertThat(older.status()).isEqualTo(201);
    assertThat(boto3Invoke.errorType()).isNotEqualTo("UnsupportedMediaTypeException");
    assertThat(emptyJavaInvoke.errorType()).isNotEqualTo("UnsupportedMediaTypeException");
  }

  @Test
  void refusesAHostNameThatIsNotLoopback() throws Exception {
    var port = emulator.endpoint().getPort();
    var rebound =
        http()
            .header("Host", "attacker.example:" + port)
            .send("GET", "/2015-03-31/functions", null);
    var noPort = http().header("Host", "attacker.example").send("GET", "/_emulator/health", null);

    assertThat(rebound.status()).isEqualTo(403);
    assertThat(rebound.errorType()).isEqualTo("AccessDeniedException");
    assertThat(rebound.body()).contains("--allowed-host");
    assertThat(noPort.status()).isEqualTo(403);
  }

  @Test
  void acceptsEveryLoopbackSpellingOfTheHost() throws Exception {
    var port = emulator.endpoint().getPort();
    for (var host :
        List.of("127.0.0.1:" + port, "localhost:" + port, "[::1]:" + port, "LOCALHOST")) {
      var answer = http().header("Host", host).send("GET", "/2015-03-31/functions", null);

      assertThat(answer.status()).as(host).isEqualTo(200);
    }
  }

  @Test
  void theAdminEndpointIsGuardedToo() throws Exception {
    var faults = "{\"operation\":\"*\",\"serverErrorRate\":1.0}";
    var fromPage =
        http().header("Origin", "http://evil.example").send("POST", "/_emulator/faults", faults);
    var asText =
        http().header("Content-Type", "text/plain").send("POST", "/_emulator/faults", faults);
    var rebound =
        http().header("Host", "attacker.example").send("DELETE", "/_emulator/faults", null);

    assertThat(fromPage.status()).isEqualTo(403);
    assertThat(asText.status()).isEqualTo(415);
    assertThat(rebound.status()).isEqualTo(403);
    assertThat(http().send("GET", "/2015-03-31/functions", null).status()).isEqualTo(200);
  }

  @Test
  void optionsAllowNamedOriginsAndHosts() throws Exception {
    var port = permissive.endpoint().getPort();
    var fromAllowedPage =
        RawHttp.to(permissive.endpoint())
            .header("Origin", "http://localhost:3000")
            .send("GET", "/2015-03-31/functions", null);
    var fromOtherPage =
        RawHttp.to(permissive.endpoint())
            .header("Origin", "http://localhost:4000")
            .send("GET", "/2015-03-31/functions", null);
    var namedHost =
        RawHttp.to(permissive.endpoint())
            .header("Host", "emulator.test:" + port)
            .send("GET", "/2015-03-31/functions", null);

    assertThat(fromAllowedPage.status()).isEqualTo(200);
    assertThat(fromOtherPage.status()).isEqualTo(403);
    assertThat(namedHost.status()).isEqualTo(200);
  }

  @Test
  void signedEc2CallsAreRefusedInEc2sOwnShape() throws Exception {
    var answer =
        http()
            .header("Host", "attacker.example")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header(
                "Authorization",
                "AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/ec2/aws4_request,"
                    + " SignedHeaders=host, Signature=0")
            .send("POST", "/", "Action=DescribeVpcs&Version=2016-11-15");

    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.body()).contains("<Code>AccessDeniedException</Code>");
  }

  @Test
  void queryProtocolCallsFromAPageAreRefused() throws Exception {
    var answer =
        http()
            .header("Origin", "http://evil.example")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .send(
                "POST", "/", "Action=DeleteVpcEndpoints&Version=2016-11-15&VpcEndpointId.1=vpce-1");

    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.errorType()).isEqualTo("AccessDeniedException");
  }
}
