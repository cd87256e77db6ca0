package dev.lmi.handler.orders;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lmi.handler.common.ApiGateway;
import dev.lmi.handler.common.AwsClients;
import dev.lmi.handler.common.EmfMetrics;
import dev.lmi.handler.common.EmfMetrics.Metric;
import dev.lmi.handler.common.Env;
import dev.lmi.handler.common.Json;
import dev.lmi.handler.common.JsonLogger;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/**
 * {@code GET /api/orders/}: one DynamoDB Scan page per request, behind API Gateway (REST proxy,
 * payload 1.0). Handler string {@code dev.lmi.handler.orders.ListOrdersHandler::handleRequest}.
 */
public final class ListOrdersHandler implements RequestStreamHandler {

  private static final String PATH = "/api/orders";

  private final OrdersTable table;
  private final JsonLogger log;
  private final EmfMetrics metrics;

  /** Lambda's entry: reads the environment and builds the DynamoDB client once per environment. */
  public ListOrdersHandler() {
    this(Env.system());
  }

  ListOrdersHandler(Env env) {
    this(
        env.require("TABLE_NAME", "the DynamoDB orders table"),
        env,
        JsonLogger.fromEnv(env, "Orders"));
  }

  private ListOrdersHandler(String tableName, Env env, JsonLogger log) {
    this(
        new OrdersTable(AwsClients.dynamoDb(env), tableName),
        log,
        new EmfMetrics("orders_kpi", log.service(), System.out));
  }

  public ListOrdersHandler(OrdersTable table, JsonLogger log, EmfMetrics metrics) {
    this.table = table;
    this.log = log;
    this.metrics = metrics;
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    var event = ApiGateway.readEvent(input);
    var requestId = ApiGateway.requestId(event, context);
    ApiGateway.write(output, respond(event, requestId));
  }

  private JsonNode respond(JsonNode event, String requestId) {
    if (event == null || !event.isObject()) {
      return ApiGateway.response(400, Json.error("invalid event"));
    }
    if (!PATH.equals(ApiGateway.path(event))) {
      return ApiGateway.response(404, Json.error("not found"));
    }
    if (!"GET".equals(event.path("httpMethod").asText())) {
      return ApiGateway.response(405, Json.error("method not allowed"));
    }
    try {
      var query =
          ListOrdersQuery.parse(
              ApiGateway.queryParameter(event, "limit"),
              ApiGateway.queryParameter(event, "next_token"));
      metrics.emit(Metric.count("ValidListOrdersEvents"));
      return list(query, requestId);
    } catch (ListOrdersQuery.InvalidQueryException e) {
      log.info(
          requestId, "rejected request", Map.of("status", e.status(), "reason", e.getMessage()));
      return ApiGateway.response(e.status(), Json.error(e.getMessage()));
    }
  }

  private JsonNode list(ListOrdersQuery query, String requestId) {
    try {
      var page = table.page(query.limit(), query.startKey());
      log.info(
          requestId,
          "listed orders",
          Map.of("limit", query.limit(), "count", page.orders().size()));
      return ApiGateway.response(200, body(page));
    } catch (RuntimeException e) {
      // The cause stays in the log: clients learn nothing about the table or the SDK.
      log.error(requestId, "listing orders failed", e);
      return ApiGateway.response(500, Json.error("internal server error"));
    }
  }

  private static JsonNode body(OrdersPage page) {
    var body = Json.object();
    var orders = body.putArray("orders");
    for (var order : page.orders()) {
      orders
          .addObject()
          .put("id", order.id())
          .put("name", order.name())
          .put("item_count", order.itemCount());
    }
    var last = page.lastEvaluatedKey();
    body.put("next_token", last == null ? null : PageToken.encode(last));
    return body;
  }
}
