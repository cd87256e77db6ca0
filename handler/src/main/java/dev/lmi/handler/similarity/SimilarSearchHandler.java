package dev.lmi.handler.similarity;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lmi.handler.common.ApiGateway;
import dev.lmi.handler.common.EmfMetrics;
import dev.lmi.handler.common.EmfMetrics.Metric;
import dev.lmi.handler.common.Env;
import dev.lmi.handler.common.Json;
import dev.lmi.handler.common.JsonLogger;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * Product similarity search, via API Gateway ({@code POST /api/similar}) or direct invoke. Handler
 * string {@code dev.lmi.handler.similarity.SimilarSearchHandler::handleRequest}.
 */
public final class SimilarSearchHandler implements RequestStreamHandler {

  private static final String PATH = "/api/similar";

  private final SimilaritySearch search;
  private final JsonLogger log;
  private final EmfMetrics metrics;

  /** Lambda's entry: builds clients and loads the catalog once per execution environment. */
  public SimilarSearchHandler() {
    this(Env.system());
  }

  SimilarSearchHandler(Env env) {
    this(env, JsonLogger.fromEnv(env, "SimilaritySearch"));
  }

  private SimilarSearchHandler(Env env, JsonLogger log) {
    this(
        env,
        log,
        new EmfMetrics(
            env.get("POWERTOOLS_METRICS_NAMESPACE", "similarity_search"),
            log.service(),
            System.out));
  }

  private SimilarSearchHandler(Env env, JsonLogger log, EmfMetrics metrics) {
    this(SearchInit.fromEnv(env, log, metrics), log, metrics);
  }

  public SimilarSearchHandler(SimilaritySearch search, JsonLogger log, EmfMetrics metrics) {
    this.search = search;
    this.log = log;
    this.metrics = metrics;
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    var event = ApiGateway.readEvent(input);
    var requestId = ApiGateway.requestId(event, context);
    if (event != null && ApiGateway.isProxyEvent(event)) {
      var reply = routeProxy(event, requestId);
      ApiGateway.write(output, ApiGateway.response(reply.status(), reply.body()));
    } else {
      var reply = respond(event, requestId);
      if (reply.status() != 200) {
        // Direct invokes have no HTTP status, so errors carry it in the payload.
        reply.body().put("statusCode", reply.status());
      }
      ApiGateway.write(output, reply.body());
    }
  }

  private record Reply(int status, ObjectNode body) {
    static Reply error(int status, String message) {
      return new Reply(status, Json.error(message));
    }
  }

  private Reply routeProxy(JsonNode event, String requestId) {
    if (!PATH.equals(ApiGateway.path(event))) {
      return Reply.error(404, "not found");
    }
    if (!"POST".equals(event.path("httpMethod").asText())) {
      return Reply.error(405, "method not allowed");
    }
    var raw = event.path("body");
    if (!raw.isTextual()) {
      return Reply.error(400, "request body is required");
    }
    var text = raw.textValue();
    if (event.path("isBase64Encoded").asBoolean(false)) {
      try {
        text = new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return Reply.error(400, "request body is not valid base64");
      }
    }
    JsonNode body;
    try {
      body = Json.MAPPER.readTree(text);
    } catch (IOException e) {
      return Reply.error(400, "request body must be valid JSON");
    }
    return respond(body, requestId);
  }

  private Reply respond(JsonNode body, String requestId) {
    try {
      var request = SearchRequest.parse(body, search.catalog().categoryNames());
      var result = search.search(request);
      metrics.emit(
          Metric.millis("EmbedLatency", result.embedMillis()),
          Metric.millis("SearchLatency", result.searchMillis()));
      log.info(
          requestId,
          "searched",
          Map.of(
              "top_k",
              request.topK(),
              "categories",
              request.categories(),
              "took_ms",
              result.tookMillis()));
      return new Reply(200, result.toJson());
    } catch (SearchRequest.InvalidRequestException e) {
      return Reply.error(400, e.getMessage());
    } catch (EmbeddingUnavailableException e) {
      log.error(requestId, "embedding failed", e);
      return Reply.error(502, "embedding service unavailable");
    } catch (RuntimeException e) {
      log.error(requestId, "search failed", e);
      return Reply.error(500, "internal server error");
    }
  }
}
