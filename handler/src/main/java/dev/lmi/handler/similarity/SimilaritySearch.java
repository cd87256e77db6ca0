package dev.lmi.handler.similarity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Embeds the query, then searches the chosen categories in parallel on one shared executor, each
 * through its category's {@link ScanBatcher}, so concurrent requests share scans. Thread-safe: many
 * requests run at once in one JVM on LMI.
 */
public final class SimilaritySearch {

  private final Catalog catalog;
  private final Embedder embedder;
  private final Map<String, ScanBatcher> batchers = new HashMap<>();

  public SimilaritySearch(Catalog catalog, Embedder embedder, ExecutorService executor) {
    this.catalog = catalog;
    this.embedder = embedder;
    var parts =
        executor instanceof ThreadPoolExecutor pool
            ? pool.getMaximumPoolSize()
            : Runtime.getRuntime().availableProcessors();
    for (var name : catalog.categoryNames()) {
      batchers.put(name, new ScanBatcher(catalog.category(name).searcher(), executor, parts));
    }
  }

  /**
   * One pool per JVM sized to the vCPUs: more threads would only contend for the same cores and
   * memory bandwidth. The queue is bounded; when full, the request thread searches itself.
   */
  public static ExecutorService sharedExecutor(int threads) {
    var counter = new AtomicInteger();
    return new ThreadPoolExecutor(
        threads,
        threads,
        0,
        TimeUnit.MILLISECONDS,
        new LinkedBlockingQueue<>(1_024),
        task -> {
          var thread = new Thread(task, "similarity-search-" + counter.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        },
        new ThreadPoolExecutor.CallerRunsPolicy());
  }

  public Catalog catalog() {
    return catalog;
  }

  public String modelId() {
    return embedder.modelId();
  }

  public SearchResult search(SearchRequest request) {
    var start = System.nanoTime();
    var query = VectorMath.normalised(embedder.embed(request.query(), Embedder.Purpose.QUERY));
    var embedded = System.nanoTime();
    var results = searchCategories(query, request.topK(), request.categories());
    var end = System.nanoTime();
    return new SearchResult(
        request.query(),
        embedder.modelId(),
        results,
        millis(embedded - start),
        millis(end - embedded),
        millis(end - start));
  }

  private LinkedHashMap<String, List<Hit>> searchCategories(
      float[] query, int topK, List<String> categories) {
    var futures = new ArrayList<CompletableFuture<TopK>>();
    for (var name : categories) {
      futures.add(batchers.get(name).submit(query, topK));
    }
    var results = new LinkedHashMap<String, List<Hit>>();
    for (var i = 0; i < futures.size(); i++) {
      var name = categories.get(i);
      results.put(name, catalog.category(name).hits(await(futures.get(i))));
    }
    return results;
  }

  private static TopK await(CompletableFuture<TopK> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while searching", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("category search failed", e.getCause());
    }
  }

  private static double millis(long nanos) {
    return Math.round(nanos / 10_000.0) / 100.0;
  }
}
