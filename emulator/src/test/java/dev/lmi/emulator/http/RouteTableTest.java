package dev.lmi.emulator.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteTableTest {
  private final RouteTable routes =
      new RouteTable()
          .add(
              "GET",
              "/2025-11-30/capacity-providers/{Name}",
              "GetCapacityProvider",
              r -> Response.empty(200))
          .add(
              "GET",
              "/2025-11-30/capacity-providers/{Name}/function-versions",
              "ListFunctionVersionsByCapacityProvider",
              r -> Response.empty(200));

  private static Request get(String path, String query) {
    return Request.of("GET", path, query, Map.of(), new byte[0]);
  }

  @Test
  void percentDecodesArnLabels() {
    var match =
        routes.match(
            get(
                "/2025-11-30/capacity-providers/arn%3Aaws%3Alambda%3Aus-east-1%3A123456789012%3Acapacity-provider%3Acp1",
                null));

    assertThat(match)
        .get()
        .satisfies(
            m -> {
              assertThat(m.operation()).isEqualTo("GetCapacityProvider");
              assertThat(m.request().param("Name"))
                  .isEqualTo("arn:aws:lambda:us-east-1:123456789012:capacity-provider:cp1");
            });
  }

  @Test
  void matchesTheLongerTemplateOnlyForLongerPaths() {
    assertThat(routes.match(get("/2025-11-30/capacity-providers/cp1/function-versions", null)))
        .get()
        .extracting(RouteTable.Match::operation)
        .isEqualTo("ListFunctionVersionsByCapacityProvider");
    assertThat(routes.match(get("/2025-11-30/other", null))).isEmpty();
  }

  @Test
  void decodesQueryValuesAndKeepsRepeatedKeys() {
    var request = get("/x", "Qualifier=%24LATEST.PUBLISHED&tagKeys=a&tagKeys=b%20c");

    assertThat(request.query()).containsEntry("Qualifier", "$LATEST.PUBLISHED");
    assertThat(request.rawQueryValues("tagKeys")).isEqualTo(List.of("a", "b c"));
  }

  @Test
  void readsTheServiceFromTheSigningScope() {
    var request =
        Request.of(
            "POST",
            "/",
            null,
            Map.of(
                "Authorization",
                List.of(
                    "AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/ec2/aws4_request, SignedHeaders=host")),
            new byte[0]);

    assertThat(request.signingService()).isEqualTo("ec2");
  }
}
