package dev.lmi.handler.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lmi.handler.common.EmfMetrics;
import dev.lmi.handler.common.JsonLogger;
import dev.lmi.handler.testing.DynamoDbLocalServer;
import dev.lmi.handler.testing.Events;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class ListOrdersHandlerIT {

  private static final int ORDERS = 137;
  private static DynamoDbLocalServer server;
  private static DynamoDbClient dynamoDb;
  private static List<String> ids;
  private static ListOrdersHandler handler;
  private static final ByteArrayOutputStream output = new ByteArrayOutputStream();

  @BeforeAll
  static void seed() {
    server = DynamoDbLocalServer.start();
    dynamoDb = server.client();
    ids = OrdersSeeder.seed(dynamoDb, "orders", ORDERS);
    var out = new PrintStream(output, true, StandardCharsets.UTF_8);
    handler =
        new ListOrdersHandler(
            new OrdersTable(dynamoDb, "orders"),
            new JsonLogger("Orders", JsonLogger.Level.INFO, out),
            new EmfMetrics("orders_kpi", "Orders", out));
  }

  @AfterAll
  static void stop() {
    dynamoDb.close();
    server.close();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 7, 10, 50, 100})
  void paginationWalksEveryItemExactlyOnce(int limit) {
    var seen = new ArrayList<String>();
    String token = null;
    var pages = 0;
    do {
      var body = list(String.valueOf(limit), token);
      assertThat(body.get("orders").size()).isLessThanOrEqualTo(limit);
      body.get("orders").forEach(order -> seen.add(order.get("id").textValue()));
      token = body.get("next_token").textValue();
      pages++;
    } while (token != null);
    assertThat(seen)
        .hasSize(ORDERS)
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(ids);
    assertThat(pages).isBetween(ORDERS / limit, ORDERS / limit + 2);
  }

  @Test
  void returnsTenOrdersWithOnlyTheContractFieldsByDefault() {
    var event = Events.load("list-orders.json");
    event.putNull("queryStringParameters");
    var response = Events.invoke(handler, event);
    assertThat(response.get("statusCode").intValue()).isEqualTo(200);
    var body = Events.body(response);
    assertThat(body.get("orders")).hasSize(10);
    var order = body.get("orders").get(0);
    assertThat(order.fieldNames()).toIterable().containsExactly("id", "name", "item_count");
    assertThat(order.get("item_count").intValue()).isPositive();
    assertThat(body.get("next_token").textValue()).isNotBlank();
    assertThat(response.get("headers").get("Content-Type").textValue())
        .isEqualTo("application/json");
  }

  @Test
  void tokenIsUrlSafeBase64OfThePlainJsonKey() {
    var token = list("3", null).get("next_token").textValue();
    var json = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
    assertThat(json).matches("\\{\"id\":\"[0-9a-f-]{36}\"}");
  }

  @Test
  void logsJsonWithTheRequestIdAndEmitsTheValidEventsMetric() {
    output.reset();
    list("2", null);
    var lines = output.toString(StandardCharsets.UTF_8);
    assertThat(lines)
        .contains("\"correlation_id\":\"c6af9ac6-7b61-11e6-9a41-93e8deadbeef\"")
        .contains("\"Namespace\":\"orders_kpi\"")
        .contains("\"Dimensions\":[[\"service\"]]")
        .contains("\"ValidListOrdersEvents\":1.0");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "!!!",
        "abc",
        "e30=",
        "W10=",
        "bnVsbA==",
        "eyJpZCI6MX0=",
        "eyJpZCI6IiJ9",
        "eyJpZCI6bnVsbH0=",
        "eyJpZCI6eyJTIjoieCJ9fQ==",
        "eyJpZCI6IngiLCJleHRyYSI6MX0=",
        "eyJvdGhlciI6IngifQ==",
        "eyJpZCI6IngiLCJpZCI6InkifQ==",
        "eyJpZCI6IngifXt9",
        "eyJpZCI6Ingi",
        "__79",
        "eyJpZCI6Ingif/==",
        " "
      })
  void rejectsEveryMalformedTokenShapeWith400(String token) {
    var response = invoke("5", token);
    assertThat(response.get("statusCode").intValue()).isEqualTo(400);
    assertThat(Events.body(response).toString()).isEqualTo("{\"error\":\"invalid next_token\"}");
  }

  @Test
  void rejectsAnOversizedKeyWith400() {
    var id = "x".repeat(2049);
    var token =
        Base64.getUrlEncoder()
            .encodeToString(("{\"id\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8));
    assertThat(invoke("5", token).get("statusCode").intValue()).isEqualTo(400);
  }

  @Test
  void acceptsAWellFormedTokenForAnUnknownKey() {
    var token =
        Base64.getUrlEncoder()
            .encodeToString("{\"id\":\"not-an-existing-order\"}".getBytes(StandardCharsets.UTF_8));
    assertThat(invoke("5", token).get("statusCode").intValue()).isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "101", "-1", "abc", "1.5", "", "1e2", "99999999999"})
  void rejectsLimitsOutsideOneToHundredWith422NamingTheRule(String limit) {
    var response = invoke(limit, null);
    assertThat(response.get("statusCode").intValue()).isEqualTo(422);
    assertThat(Events.body(response).get("error").textValue())
        .contains("limit")
        .contains("between 1 and 100");
  }

  @Test
  void answers404ForAnUnknownPathAnd405ForAnotherMethod() {
    var event = Events.load("list-orders.json");
    event.put("path", "/api/customers");
    assertThat(Events.invoke(handler, event).get("statusCode").intValue()).isEqualTo(404);
    assertThat(Events.body(Events.invoke(handler, event)).toString())
        .isEqualTo("{\"error\":\"not found\"}");
    event.put("path", "/api/orders").put("httpMethod", "POST");
    assertThat(Events.invoke(handler, event).get("statusCode").intValue()).isEqualTo(405);
  }

  @Test
  void answers500WithoutInternalsWhenDynamoDbIsDown() {
    var deadEndpoint = java.net.URI.create("http://127.0.0.1:" + DynamoDbLocalServer.freePort());
    try (var dead = DynamoDbLocalServer.client(deadEndpoint)) {
      var down = handlerFor(new OrdersTable(dead, "orders"));
      var response = Events.invoke(down, Events.load("list-orders.json"));
      assertThat(response.get("statusCode").intValue()).isEqualTo(500);
      assertThat(response.get("body").textValue())
          .isEqualTo("{\"error\":\"internal server error\"}");
    }
  }

  @Test
  void answers500WithoutInternalsWhenTheTableIsMissing() {
    var missing = handlerFor(new OrdersTable(dynamoDb, "no-such-table"));
    var response = Events.invoke(missing, Events.load("list-orders.json"));
    assertThat(response.get("statusCode").intValue()).isEqualTo(500);
    assertThat(response.get("body").textValue()).doesNotContain("no-such-table");
  }

  @Test
  void sixtyFourConcurrentInvocationsOfOneInstanceGetIndependentCorrectResults() throws Exception {
    var tokens = new ArrayList<String>();
    tokens.add(null);
    var first = list("9", null);
    tokens.add(first.get("next_token").textValue());
    var calls = new ArrayList<Callable<JsonNode>>();
    var expected = new ArrayList<JsonNode>();
    for (var i = 0; i < 64; i++) {
      var limit = String.valueOf(1 + i % 21);
      var token = tokens.get(i % 2);
      expected.add(list(limit, token));
      calls.add(() -> Events.body(invoke(limit, token)));
    }
    try (var pool = Executors.newFixedThreadPool(64)) {
      var futures = pool.invokeAll(calls);
      for (var i = 0; i < 64; i++) {
        assertThat(futures.get(i).get()).isEqualTo(expected.get(i));
      }
    }
    var distinct = new HashSet<JsonNode>(expected);
    assertThat(distinct).hasSize(42);
  }

  private static ListOrdersHandler handlerFor(OrdersTable table) {
    var quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    return new ListOrdersHandler(
        table,
        new JsonLogger("Orders", JsonLogger.Level.INFO, quiet),
        new EmfMetrics("orders_kpi", "Orders", quiet));
  }

  private static JsonNode list(String limit, String token) {
    var response = invoke(limit, token);
    assertThat(response.get("statusCode").intValue()).isEqualTo(200);
    return Events.body(response);
  }

  private static ObjectNode invoke(String limit, String token) {
    var event = Events.load("list-orders.json");
    var query = event.putObject("queryStringParameters");
    query.put("limit", limit);
    if (token != null) {
      query.put("next_token", token);
    }
    return Events.invoke(handler, event);
  }
}
