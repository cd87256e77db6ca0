package dev.lmi.devkit.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/** The sample requests each handler gets, and how its answers are judged and printed. */
class SampleInvocationsTest {
  private static final ObjectMapper M = new ObjectMapper();
  private final List<InvokeRequest> sent = new ArrayList<>();

  @Test
  void asksTheOrdersFunctionForAPageThroughApiGatewayAndPrintsTheNextToken() throws Exception {
    var body =
        "{\"orders\":[{\"id\":\"o-1\",\"name\":\"Alice\",\"item_count\":2}],\"next_token\":\"abc\"}";
    var answer = M.createObjectNode().put("statusCode", 200).put("body", body);

    var result =
        invoke(
            function(
                "orders", "list-orders", "dev.lmi.handler.orders.ListOrdersHandler::handleRequest"),
            answer,
            null);

    assertThat(result.ok()).isTrue();
    assertThat(result.text()).contains("HTTP 200", "o-1", "Alice", "next_token: abc");
    var request = M.readTree(sent.get(0).payload().asUtf8String());
    assertThat(sent.get(0).functionName()).isEqualTo("orders-list-orders");
    assertThat(sent.get(0).qualifier()).isEqualTo("live");
    assertThat(request.path("httpMethod").asText()).isEqualTo("GET");
    assertThat(request.path("path").asText()).isEqualTo("/api/orders/");
    assertThat(request.path("queryStringParameters").path("limit").asText()).isEqualTo("5");
  }

  @Test
  void asksTheSimilarityFunctionForHeadphonesAndPrintsTheBestProductsFirst() throws Exception {
    var answer =
        M.readTree(
            """
            {"query":"noise cancelling headphones","model":"sentence-transformers/all-MiniLM-L6-v2",
             "results":{"audio":[{"product_id":"p-00001","name":"Quiet headphones","score":0.71}],
                        "home":[{"product_id":"p-00042","name":"Lamp","score":0.12}]},"took_ms":3.2}
            """);

    var result =
        invoke(
            function(
                "search",
                "similarity-search",
                "dev.lmi.handler.similarity.SimilarSearchHandler::handleRequest"),
            answer,
            null);

    assertThat(result.ok()).isTrue();
    assertThat(result.text())
        .containsSubsequence("0.7100", "p-00001", "audio", "Quiet headphones", "0.1200", "p-00042");
    var request = M.readTree(sent.get(0).payload().asUtf8String());
    assertThat(request.path("query").asText()).isEqualTo("noise cancelling headphones");
    assertThat(request.path("top_k").asInt()).isEqualTo(3);
  }

  @Test
  void reportsAFunctionErrorAsAFailure() throws Exception {
    var answer =
        M.createObjectNode()
            .put("errorType", "Sandbox.Timedout")
            .put("errorMessage", "Task timed out");

    var result =
        invoke(
            function(
                "orders", "list-orders", "dev.lmi.handler.orders.ListOrdersHandler::handleRequest"),
            answer,
            "Unhandled");

    assertThat(result.ok()).isFalse();
    assertThat(result.text()).contains("function error", "Sandbox.Timedout");
  }

  @Test
  void skipsFunctionsItHasNoSampleFor() {
    var results =
        new SampleInvocations(lambda(M.createObjectNode(), null))
            .invokeAll(List.of(function("default", "other", "com.example.Other::handle")));

    assertThat(results).isEmpty();
    assertThat(sent).isEmpty();
  }

  private SampleInvocations.Result invoke(
      JsonNode function, JsonNode answer, String functionError) {
    var results = new SampleInvocations(lambda(answer, functionError)).invokeAll(List.of(function));
    assertThat(results).hasSize(1);
    return results.get(0);
  }

  private LambdaClient lambda(JsonNode answer, String functionError) {
    return new LambdaClient() {
      @Override
      public InvokeResponse invoke(InvokeRequest request) {
        sent.add(request);
        return InvokeResponse.builder()
            .statusCode(200)
            .functionError(functionError)
            .payload(SdkBytes.fromUtf8String(answer.toString()))
            .build();
      }

      @Override
      public String serviceName() {
        return "lambda";
      }

      @Override
      public void close() {}
    };
  }

  private static JsonNode function(String namespace, String name, String handler) {
    var f = M.createObjectNode();
    f.putObject("metadata").put("name", name).put("namespace", namespace);
    f.putObject("spec").put("handler", handler);
    f.putObject("status").put("awsName", namespace + "-" + name);
    return f;
  }
}
