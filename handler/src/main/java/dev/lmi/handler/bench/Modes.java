package dev.lmi.handler.bench;

import dev.lmi.handler.similarity.FlatIndex;
import dev.lmi.handler.similarity.QuantizedIndex;
import dev.lmi.handler.similarity.TopK;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/** The search variants measured, and how they are timed. */
final class Modes {

  /** A named way to answer one query. */
  record Mode(String name, Function<float[], TopK> search) {}

  private Modes() {}

  static List<Mode> of(
      FlatIndex flat, QuantizedIndex quantised, ExecutorService pool, int threads, int k) {
    return List.of(
        new Mode("exact-f32 1-thread", q -> flat.search(q, k)),
        new Mode("exact-f32 split-" + threads, q -> flat.search(q, k, pool, threads)),
        new Mode("int8+f32-rerank 1-thread", q -> quantised.search(q, k)),
        new Mode("int8+f32-rerank split-" + threads, q -> quantised.search(q, k, pool, threads)));
  }

  /** Median single-query latency per mode; also checks every mode returns the same ids. */
  static Map<String, Double> measureSingle(List<Mode> modes, float[] queries, int dim, int rounds) {
    var nq = queries.length / dim;
    for (var warm = 0; warm < 3; warm++) {
      modes.forEach(mode -> ids(mode, queries, dim));
    }
    var samples = new double[modes.size()][nq * rounds];
    for (var round = 0; round < rounds; round++) {
      for (var m = 0; m < modes.size(); m++) {
        for (var q = 0; q < nq; q++) {
          var query = BenchData.row(queries, dim, q);
          var start = System.nanoTime();
          modes.get(m).search().apply(query);
          samples[m][round * nq + q] = (System.nanoTime() - start) / 1e6;
        }
      }
    }
    var medians = new LinkedHashMap<String, Double>();
    var reference = ids(modes.get(0), queries, dim);
    for (var m = 0; m < modes.size(); m++) {
      var latencies = new Latencies(samples[m]);
      var same = ids(modes.get(m), queries, dim).equals(reference);
      System.out.printf(
          "single %-28s %s  ids=%s%n",
          modes.get(m).name(), latencies.summary(), same ? "identical" : "DIFFERENT");
      medians.put(modes.get(m).name(), latencies.median());
    }
    return medians;
  }

  /** Queries per second with {@code callers} threads each answering queries one at a time. */
  static double measureConcurrent(Mode mode, float[] queries, int dim, int callers)
      throws Exception {
    var nq = queries.length / dim;
    var perCaller = 8;
    var latencies = new double[callers * perCaller];
    try (var pool = Executors.newFixedThreadPool(callers)) {
      var calls = new ArrayList<Callable<Void>>();
      for (var c = 0; c < callers; c++) {
        var caller = c;
        calls.add(
            () -> {
              for (var i = 0; i < perCaller; i++) {
                var query = BenchData.row(queries, dim, (caller * perCaller + i) % nq);
                var start = System.nanoTime();
                mode.search().apply(query);
                latencies[caller * perCaller + i] = (System.nanoTime() - start) / 1e6;
              }
              return null;
            });
      }
      pool.invokeAll(calls.subList(0, Math.min(callers, 4)));
      var start = System.nanoTime();
      for (var future : pool.invokeAll(calls)) {
        future.get();
      }
      var seconds = (System.nanoTime() - start) / 1e9;
      var qps = latencies.length / seconds;
      System.out.printf(
          "concurrent %s: %d callers, %.1f queries/s, per-query %s%n",
          mode.name(), callers, qps, new Latencies(latencies).summary());
      return qps;
    }
  }

  /**
   * Queries per second when {@code batch} concurrent queries are answered by one shared scan (each
   * row read once for all of them); also checks the ids equal {@code reference}'s.
   */
  static double measureBatched(
      QuantizedIndex index,
      ExecutorService pool,
      int threads,
      int k,
      float[] queries,
      int dim,
      int batch,
      List<String> reference) {
    var nq = queries.length / dim;
    var all = new float[nq][];
    for (var q = 0; q < nq; q++) {
      all[q] = BenchData.row(queries, dim, q);
    }
    var lines = new ArrayList<String>();
    var seconds = 0.0;
    var answered = 0;
    for (var round = 0; round < 4; round++) {
      for (var first = 0; first + batch <= nq || first == 0; first += batch) {
        var slice = Arrays.copyOfRange(all, first, Math.min(nq, first + batch));
        var start = System.nanoTime();
        var results = index.search(slice, k, pool, threads);
        if (round > 0) {
          seconds += (System.nanoTime() - start) / 1e9;
          answered += slice.length;
        }
        if (round == 3) {
          Arrays.stream(results).forEach(top -> lines.add(SimilarityBench.line(top)));
        }
      }
    }
    var qps = answered / seconds;
    System.out.printf(
        "batched int8+f32-rerank split-%d: %d queries per scan, %.1f queries/s, ids=%s%n",
        threads,
        batch,
        qps,
        reference.subList(0, lines.size()).equals(lines) ? "identical" : "DIFFERENT");
    return qps;
  }

  static List<String> ids(Mode mode, float[] queries, int dim) {
    var lines = new ArrayList<String>();
    for (var q = 0; q < queries.length / dim; q++) {
      lines.add(SimilarityBench.line(mode.search().apply(BenchData.row(queries, dim, q))));
    }
    return lines;
  }
}
