package dev.lmi.handler.similarity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lmi.handler.common.EmfMetrics;
import dev.lmi.handler.common.Env;
import dev.lmi.handler.common.JsonLogger;
import dev.lmi.handler.testing.DynamoDbLocalServer;
import dev.lmi.handler.testing.Events;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SimilarSearchHandlerIT {

  private static final int CATALOG = 160;
  private static final ByteArrayOutputStream output = new ByteArrayOutputStream();
  private static final PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
  private static DynamoDbLocalServer server;
  private static Embedder embedder;
  private static SimilaritySearch search;
  private static SimilarSearchHandler handler;

  @BeforeAll
  static void seedAndInit() {
    server = DynamoDbLocalServer.start();
    embedder = Embedders.local();
    try (var dynamoDb = server.client()) {
      CatalogSeeder.seed(dynamoDb, embedder, "products", CATALOG, CatalogSeeder.DEFAULT_CATEGORIES);
    }
    var log = new JsonLogger("SimilaritySearch", JsonLogger.Level.INFO, out);
    var metrics = new EmfMetrics("similarity_search", "SimilaritySearch", out);
    search = SearchInit.fromEnv(env(Map.of("EMBEDDING_PROVIDER", "local")), log, metrics);
    handler = new SimilarSearchHandler(search, log, metrics);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void loadsEveryCategoryAndReportsCatalogSizeAtInit() {
    assertThat(search.catalog().size()).isEqualTo(CATALOG);
    assertThat(search.catalog().categoryNames()).isEqualTo(CatalogSeeder.DEFAULT_CATEGORIES);
    assertThat(output.toString(StandardCharsets.UTF_8)).contains("\"CatalogSize\":160.0");
  }

  @Test
  void logsTheSearchPathChosenForEachCategoryAtInit() {
    var lines = output.toString(StandardCharsets.UTF_8).lines();
    var chosen = lines.filter(line -> line.contains("search path chosen")).toList();
    assertThat(chosen).hasSize(CatalogSeeder.DEFAULT_CATEGORIES.size());
    assertThat(chosen.get(0))
        .contains("\"category\":\"audio\"", "\"path\":\"exact-f32\"", "fewer than 4096 rows");
  }

  @Test
  void findsHeadphonesFirstThroughApiGateway() {
    var response = Events.invoke(handler, Events.load("similar-search-apigw.json"));
    assertThat(response.get("statusCode").intValue()).isEqualTo(200);
    var body = Events.body(response);
    assertThat(body.get("model").textValue()).isEqualTo(embedder.modelId());
    assertThat(body.get("query").textValue()).isEqualTo("noise cancelling headphones");
    var audio = body.get("results").get("audio");
    assertThat(audio).hasSize(3);
    assertThat(audio.get(0).get("name").textValue()).contains("Noise Cancelling Headphones");
    assertThat(body.get("results").size()).isEqualTo(1);
    assertThat(body.get("took_ms").doubleValue()).isPositive();
  }

  @Test
  void answersADirectInvokeWithTheBodyBestFirstInEveryCategory() {
    var body = Events.invoke(handler, Events.load("similar-search-direct.json"));
    assertThat(body.has("statusCode")).isFalse();
    assertThat(body.get("results").fieldNames())
        .toIterable()
        .containsExactly("audio", "electronics");
    for (var hits : body.get("results")) {
      assertThat(hits).hasSize(5);
      for (var i = 1; i < hits.size(); i++) {
        assertThat(hits.get(i - 1).get("score").doubleValue())
            .isGreaterThanOrEqualTo(hits.get(i).get("score").doubleValue());
      }
    }
  }

  @Test
  void rejectsAnUnknownCategoryWith400NamingTheValidOnes() {
    var event = Events.load("similar-search-apigw.json");
    event.put("body", "{\"query\":\"lamp\",\"categories\":[\"garden\"]}");
    var response = Events.invoke(handler, event);
    assertThat(response.get("statusCode").intValue()).isEqualTo(400);
    assertThat(Events.body(response).get("error").textValue())
        .isEqualTo(
            "unknown category 'garden'; valid categories: audio, electronics, computers, kitchen,"
                + " home, sports, outdoors, toys");
  }

  @Test
  void rejectsABodyThatIsNotJsonWith400() {
    var event = Events.load("similar-search-apigw.json");
    event.put("body", "query=lamp");
    var response = Events.invoke(handler, event);
    assertThat(response.get("statusCode").intValue()).isEqualTo(400);
    assertThat(Events.body(response).get("error").textValue())
        .isEqualTo("request body must be valid JSON");
    var direct = Events.invokeRaw(handler, "{\"top_k\":3}");
    assertThat(direct.get("statusCode").intValue()).isEqualTo(400);
    assertThat(direct.get("error").textValue()).isEqualTo("query is required");
  }

  @Test
  void answers502WhenTheEmbeddingServiceFails() {
    Embedder failing =
        new Embedder() {
          public float[] embed(String text, Purpose purpose) {
            throw new EmbeddingUnavailableException("Bedrock down", null);
          }

          public String modelId() {
            return "failing";
          }

          public int dimension() {
            return 384;
          }
        };
    var broken =
        new SimilarSearchHandler(
            new SimilaritySearch(search.catalog(), failing, SimilaritySearch.sharedExecutor(2)),
            new JsonLogger("SimilaritySearch", JsonLogger.Level.INFO, out),
            new EmfMetrics("similarity_search", "SimilaritySearch", out));
    var response = Events.invoke(broken, Events.load("similar-search-apigw.json"));
    assertThat(response.get("statusCode").intValue()).isEqualTo(502);
    assertThat(response.get("body").textValue())
        .isEqualTo("{\"error\":\"embedding service unavailable\"}");
  }

  @Test
  void aDimensionMismatchFailsInitClearly() {
    var titan =
        env(
            Map.of(
                "EMBEDDING_PROVIDER", "bedrock",
                "EMBEDDING_MODEL_ID", Embedders.TITAN_MODEL,
                "EMBEDDING_DIMENSION", "512"));
    var log = new JsonLogger("SimilaritySearch", JsonLogger.Level.INFO, out);
    assertThatThrownBy(() -> SearchInit.fromEnv(titan, log, new EmfMetrics("n", "s", out)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("has 384 dimensions but the embedding model produces 512");
  }

  @Test
  void thirtyTwoConcurrentSearchesOnOneInstanceMatchSequentialOnes() throws Exception {
    var queries = new String[] {"turntable", "espresso", "tent", "laptop", "puzzle", "yoga mat"};
    var expected = new HashMap<String, JsonNode>();
    for (var query : queries) {
      expected.put(query, withoutTiming(direct(query)));
    }
    var calls = new ArrayList<Callable<JsonNode>>();
    for (var i = 0; i < 32; i++) {
      var query = queries[i % queries.length];
      calls.add(() -> withoutTiming(direct(query)));
    }
    try (var pool = Executors.newFixedThreadPool(32)) {
      var futures = pool.invokeAll(calls);
      for (var i = 0; i < 32; i++) {
        assertThat(futures.get(i).get()).isEqualTo(expected.get(queries[i % queries.length]));
      }
    }
  }

  private static JsonNode direct(String query) {
    return Events.invokeRaw(handler, "{\"query\":\"" + query + "\",\"top_k\":4}");
  }

  private static JsonNode withoutTiming(JsonNode body) {
    var copy = body.deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode) copy).remove("took_ms");
    return copy;
  }

  private static Env env(Map<String, String> extra) {
    var values = new HashMap<String, String>(extra);
    values.put("TABLE_NAME", "products");
    values.put("AWS_ENDPOINT_URL_DYNAMODB", server.endpoint().toString());
    values.put("AWS_REGION", "us-east-1");
    values.put("AWS_ACCESS_KEY_ID", "local");
    values.put("AWS_SECRET_ACCESS_KEY", "local");
    return Env.of(values);
  }
}
