package dev.lmi.devkit.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;

/** Invokes each function's alias with a sample request its handler understands. */
final class SampleInvocations {
  private static final ObjectMapper M = new ObjectMapper();

  /** What one invocation returned: ok when the answer has the expected shape. */
  record Result(String function, boolean ok, String text, JsonNode answer) {}

  private final LambdaClient lambda;

  SampleInvocations(LambdaClient lambda) {
    this.lambda = lambda;
  }

  /** One result per function that has a sample request (the others are skipped). */
  List<Result> invokeAll(List<JsonNode> functions) {
    var results = new ArrayList<Result>();
    for (var f : functions) {
      sample(f).ifPresent(s -> results.add(invoke(f, s)));
    }
    return results;
  }

  private record Sample(String description, String payload, boolean orders) {}

  /**
   * For each function with a sample request: an AWS CLI command that sends it, its payload written
   * to a file in dir (fileb:// reads it as it is, in CLI v1 and v2 alike).
   */
  List<String> commands(List<JsonNode> functions, Path dir, String cli) {
    var commands = new ArrayList<String>();
    for (var f : functions) {
      var sample = sample(f);
      if (sample.isEmpty()) {
        continue;
      }
      var file = dir.resolve(awsName(f) + ".payload.json").toAbsolutePath();
      try {
        Files.writeString(file, sample.get().payload());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + file, e);
      }
      commands.add(
          "%s lambda invoke --function-name %s --qualifier %s --payload fileb://%s /dev/stdout"
              .formatted(cli, awsName(f), alias(f), file));
    }
    return commands;
  }

  private static String awsName(JsonNode f) {
    return f.path("status").path("awsName").asText(f.path("metadata").path("name").asText());
  }

  private static String alias(JsonNode f) {
    return f.path("spec").path("alias").path("name").asText("live");
  }

  private static Optional<Sample> sample(JsonNode function) {
    var handler = function.path("spec").path("handler").asText();
    if (handler.contains("ListOrdersHandler")) {
      return Optional.of(new Sample("GET /api/orders/?limit=5", ordersEvent().toString(), true));
    }
    if (handler.contains("SimilarSearchHandler")) {
      var body = M.createObjectNode().put("query", "noise cancelling headphones").put("top_k", 3);
      return Optional.of(new Sample(body.toString(), body.toString(), false));
    }
    return Optional.empty();
  }

  private Result invoke(JsonNode f, Sample sample) {
    var name =
        f.path("metadata").path("namespace").asText()
            + "/"
            + f.path("metadata").path("name").asText();
    var awsName = awsName(f);
    var alias = alias(f);
    var head = name + " (" + awsName + ":" + alias + ") <- " + sample.description() + "\n";
    try {
      var response =
          lambda.invoke(
              InvokeRequest.builder()
                  .functionName(awsName)
                  .qualifier(alias)
                  .payload(SdkBytes.fromUtf8String(sample.payload()))
                  .build());
      var answer = M.readTree(response.payload().asUtf8String());
      if (response.functionError() != null) {
        return new Result(name, false, head + "  function error: " + answer, answer);
      }
      return sample.orders() ? orders(name, head, answer) : products(name, head, answer);
    } catch (Exception e) {
      return new Result(name, false, head + "  invoke failed: " + e.getMessage(), null);
    }
  }

  private static Result orders(String name, String head, JsonNode answer) throws Exception {
    var status = answer.path("statusCode").asInt();
    var body = M.readTree(answer.path("body").asText("{}"));
    var text = new StringBuilder(head).append("  HTTP ").append(status).append('\n');
    for (var o : body.path("orders")) {
      text.append(
          String.format(
              "  %-38s %-12s items=%s%n",
              o.path("id").asText(), o.path("name").asText(), o.path("item_count")));
    }
    text.append("  next_token: ").append(body.path("next_token").asText("null"));
    var ok = status == 200 && body.path("orders").isArray() && body.has("next_token");
    return new Result(name, ok, text.toString(), answer);
  }

  private static Result products(String name, String head, JsonNode answer) {
    var hits = new ArrayList<JsonNode>();
    answer
        .path("results")
        .fields()
        .forEachRemaining(
            e ->
                e.getValue()
                    .forEach(
                        h -> hits.add(((ObjectNode) h.deepCopy()).put("category", e.getKey()))));
    hits.sort(Comparator.comparingDouble((JsonNode h) -> h.path("score").asDouble()).reversed());
    var text =
        new StringBuilder(head)
            .append("  model ")
            .append(answer.path("model").asText())
            .append(", took ")
            .append(answer.path("took_ms"))
            .append(" ms\n");
    for (var h : hits.subList(0, Math.min(5, hits.size()))) {
      text.append(
          String.format(
              "  %.4f  %-8s %-11s %s%n",
              h.path("score").asDouble(),
              h.path("product_id").asText(),
              h.path("category").asText(),
              h.path("name").asText()));
    }
    var ok = !hits.isEmpty() && !answer.has("error");
    return new Result(
        name, ok, ok ? text.toString().stripTrailing() : head + "  " + answer, answer);
  }

  /** The API Gateway event of GET /api/orders/?limit=5, as the sample sends it. */
  static ObjectNode ordersEvent() {
    var event =
        M.createObjectNode()
            .put("resource", "/api/orders/")
            .put("path", "/api/orders/")
            .put("httpMethod", "GET");
    event.putObject("headers").put("Accept", "application/json");
    event.putObject("queryStringParameters").put("limit", "5");
    event.putObject("multiValueQueryStringParameters").putArray("limit").add("5");
    event
        .putObject("requestContext")
        .put("resourcePath", "/api/orders/")
        .put("httpMethod", "GET")
        .put("stage", "local")
        .put("requestId", "lmi-local-sample");
    event.putNull("body");
    event.put("isBase64Encoded", false);
    return event;
  }
}
