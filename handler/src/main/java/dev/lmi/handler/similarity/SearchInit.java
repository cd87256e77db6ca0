package dev.lmi.handler.similarity;

import dev.lmi.handler.common.AwsClients;
import dev.lmi.handler.common.EmfMetrics;
import dev.lmi.handler.common.EmfMetrics.Metric;
import dev.lmi.handler.common.Env;
import dev.lmi.handler.common.JsonLogger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Init, once per execution environment: embedder, catalog load, shared executor. */
public final class SearchInit {

  private SearchInit() {}

  public static SimilaritySearch fromEnv(Env env, JsonLogger log, EmfMetrics metrics) {
    var embedder = Embedders.fromEnv(env);
    var table = env.get("TABLE_NAME", "products");
    var categories = categories(env);
    var threads = env.getInt("SEARCH_THREADS", Runtime.getRuntime().availableProcessors());
    var executor = SimilaritySearch.sharedExecutor(threads);
    try (var dynamoDb = AwsClients.dynamoDb(env)) {
      var start = System.nanoTime();
      var catalog =
          new CatalogLoader(dynamoDb, table).load(categories, embedder.dimension(), executor);
      var loadMillis = (System.nanoTime() - start) / 1e6;
      metrics.emit(
          new Metric("CatalogSize", catalog.size(), "Count"),
          Metric.millis("CatalogLoadTime", loadMillis));
      log.info(
          null,
          "catalog loaded",
          Map.of(
              "table",
              table,
              "products",
              catalog.size(),
              "categories",
              categories,
              "model",
              embedder.modelId(),
              "dimension",
              embedder.dimension(),
              "load_ms",
              loadMillis));
      logPaths(catalog, log);
      return new SimilaritySearch(catalog, embedder, executor);
    }
  }

  /** Which path each category searches with, and the pruning measured that chose it. */
  private static void logPaths(Catalog catalog, JsonLogger log) {
    for (var name : catalog.categoryNames()) {
      var choice = catalog.category(name).choice();
      log.info(
          null,
          "search path chosen",
          Map.of(
              "category",
              name,
              "products",
              choice.rows(),
              "path",
              choice.path(),
              "reranked_median",
              choice.survivorsMedian(),
              "reranked_max",
              choice.survivorsMax(),
              "stage_two_median",
              choice.stageTwoMedian(),
              "choice_ms",
              choice.initMillis(),
              "extra_bytes",
              choice.extraBytes(),
              "reason",
              choice.reason()));
    }
  }

  static List<String> categories(Env env) {
    var configured = env.get("CATALOG_CATEGORIES");
    if (configured == null) {
      return CatalogSeeder.DEFAULT_CATEGORIES;
    }
    return Arrays.stream(configured.split(","))
        .map(String::trim)
        .filter(name -> !name.isEmpty())
        .distinct()
        .toList();
  }
}
