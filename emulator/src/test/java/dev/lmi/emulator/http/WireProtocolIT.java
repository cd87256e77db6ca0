package dev.lmi.emulator.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lmi.emulator.EmulatorConfig;
import dev.lmi.emulator.LmiEmulator;
import dev.lmi.emulator.Timings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What goes over the wire, checked without an SDK in between. */
class WireProtocolIT {
  private static LmiEmulator emulator;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    emulator = LmiEmulator.start(EmulatorConfig.defaults().withTimings(Timings.instant()));
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest.Builder to(String path) {
    return HttpRequest.newBuilder(URI.create(emulator.endpoint() + path));
  }

  @Test
  void acceptsTheOlderJsonContentTypeAndOmitsNullMembers() throws Exception {
    var body =
        "{\"CapacityProviderName\":\"wire\",\"VpcConfig\":{\"SubnetIds\":[\"subnet-1\"],\"SecurityGroupIds\":[]},"
            + "\"PermissionsConfig\":{\"CapacityProviderOperatorRoleArn\":\"arn:aws:iam::123456789012:role/op\"}}";

    var created =
        send(
            to("/2025-11-30/capacity-providers")
                .header("Content-Type", "application/x-amz-json-1.1")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    var got =
        send(
            to("/2025-11-30/capacity-providers/arn%3Aaws%3Alambda%3Aus-east-1%3A123456789012%3Acapacity-provider%3Awire")
                .GET());

    assertThat(created.statusCode()).isEqualTo(202);
    assertThat(got.statusCode()).isEqualTo(200);
    assertThat(got.body()).doesNotContain("null").contains("\"State\":\"Active\"");
  }

  @Test
  void lambdaErrorsCarryTheTypeHeaderAndBothMessageMembers() throws Exception {
    var response = send(to("/2015-03-31/functions/ghost").GET());

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("X-Amzn-ErrorType"))
        .hasValue("ResourceNotFoundException");
    assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
    assertThat(response.body())
        .contains("\"Type\":\"User\"")
        .contains(
            "\"message\":\"Function not found: arn:aws:lambda:us-east-1:123456789012:function:ghost\"")
        .contains("\"Message\":\"Function not found");
  }

  @Test
  void ec2ErrorsUseTheEc2XmlShape() throws Exception {
    var form = "Action=DescribeSubnets&Version=2016-11-15&SubnetId.1=subnet-404";
    var response =
        send(
            to("/")
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .header(
                    "Authorization",
                    "AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=0")
                .POST(HttpRequest.BodyPublishers.ofString(form)));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body())
        .contains("<Response><Errors><Error><Code>InvalidSubnetID.NotFound</Code>")
        .contains("<RequestID>");
  }

  @Test
  void unsignedQueryCallsAreRoutedByAction() throws Exception {
    var response = send(to("/?Action=GetCallerIdentity&Version=2011-06-15").GET());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("<Account>123456789012</Account>");
  }

  @Test
  void unknownOperationsGetAClear404() throws Exception {
    var response = send(to("/2015-03-31/functions/f/policy").GET());

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("X-Amzn-ErrorType"))
        .hasValue("UnknownOperationException");
  }
}
