package dev.lmi.handler.bench;

import dev.lmi.handler.similarity.FlatIndex;
import dev.lmi.handler.similarity.QuantizedIndex;
import dev.lmi.handler.similarity.ScanBatcher;
import dev.lmi.handler.similarity.SearchPaths;
import dev.lmi.handler.similarity.SimilaritySearch;
import java.util.ArrayList;
import java.util.Arrays;

/** One data set, measured: the path the handler chooses, pruning, memory floor, then rounds. */
final class ShapeRun {

  /** The figures of one shape, medians over rounds, for the summary table. */
  record Result(
      String shape,
      String size,
      String path,
      String reranked,
      double javaMs,
      double numpyMs,
      double singleRatio,
      double javaQps,
      double numpyQps,
      double throughputRatio,
      double[] cpuPerQuery,
      double faissMs,
      double faissQps,
      String exact,
      String floor,
      String load) {}

  private final String name;
  private final float[] data;
  private final float[][] queries;
  private final int dim;
  private final int k;
  private final int threads;

  ShapeRun(String name, float[] data, float[] queries, int dim, int k, int threads) {
    this.name = name;
    this.data = data;
    this.dim = dim;
    this.k = k;
    this.threads = threads;
    this.queries = new float[queries.length / dim][];
    for (var q = 0; q < this.queries.length; q++) {
      this.queries[q] = BenchData.row(queries, dim, q);
    }
  }

  Result run(PythonPeer peer, int rounds, int callers) throws Exception {
    var flat = new FlatIndex(data, dim);
    var start = System.nanoTime();
    var choice = SearchPaths.choose(flat);
    print(
        "path %s, chosen in %.0f ms: %s",
        choice.path(), (System.nanoTime() - start) / 1e6, choice.reason());
    Diagnostics.pruning(this, flat, queries, k);
    var floor = Diagnostics.floor(this, data, threads, choice.search() instanceof QuantizedIndex);
    try (var pool = SimilaritySearch.sharedExecutor(threads)) {
      var batcher = new ScanBatcher(choice.search(), pool, threads);
      Measure.direct(flat, Arrays.copyOf(queries, 8), k);
      ScanFloor.print(this, flat, data, queries, k, pool, threads);
      WarmUp.run(this, batcher, queries, k, callers);
      var paired = new Rounds(peer, batcher, queries, k, callers);
      for (var round = 1; round <= rounds; round++) {
        paired.round(round);
      }
      scaling(batcher, callers);
      var exact = exactness(peer, batcher, paired);
      var faiss = peer == null ? new double[] {Double.NaN, Double.NaN} : faiss(peer);
      return new Result(
          name,
          flat.size() + " × " + dim,
          choice.path(),
          choice.survivorsMedian() + " / " + choice.survivorsMax(),
          paired.javaMs(),
          paired.numpyMs(),
          paired.singleRatio(),
          paired.javaQps(),
          paired.numpyQps(),
          paired.throughputRatio(),
          paired.cpuPerQuery(),
          faiss[0],
          faiss[1],
          exact,
          floor,
          SimilarityBench.load());
    }
  }

  private void scaling(ScanBatcher batcher, int callers) throws Exception {
    var line = new StringBuilder("throughput by concurrent callers:");
    for (var c : new int[] {1, 2, 4, 8, 16, callers}) {
      if (c <= callers) {
        var run = ClosedLoop.run(batcher, queries, k, c, 300);
        line.append(String.format(" %d: %.0f q/s (%.1f per scan);", c, run.qps(), run.perScan()));
      }
    }
    print("%s", line);
  }

  private String exactness(PythonPeer peer, ScanBatcher batcher, Rounds rounds) throws Exception {
    var answers = new ArrayList<dev.lmi.handler.similarity.TopK>();
    for (var query : queries) {
      answers.add(batcher.submit(query, k).join());
    }
    var lone = answers.toArray(dev.lmi.handler.similarity.TopK[]::new);
    var exact = Exactness.count(data, dim, queries, lone, k);
    var concurrent = rounds.concurrentAnswers();
    var same = 0;
    for (var i = 0; i < concurrent.length; i++) {
      same += Exactness.same(concurrent[i], lone[i % queries.length]) ? 1 : 0;
    }
    var summary =
        String.format(
            "java %d/%d (float64 brute force, by score); %d/%d concurrent answers"
                + " identical to lone ones",
            exact, queries.length, same, concurrent.length);
    if (peer != null) {
      var file = SimilarityBench.scratch().resolve(name + "-java-answers.txt");
      Exactness.write(file, lone);
      summary += "; compare.py: " + peer.ask("check " + file).get("line");
    }
    print("exact: %s", summary);
    return exact + "/" + queries.length;
  }

  private double[] faiss(PythonPeer peer) throws Exception {
    var single = peer.number("faiss-single 1", "ms");
    var batch = peer.ask("faiss-batch 3");
    print(
        "faiss IndexFlatIP, 1 thread: single %.3f ms; one search call with 32 queries: %s",
        single, batch.get("line"));
    return new double[] {single, Double.parseDouble(batch.getOrDefault("qps", "NaN"))};
  }

  void print(String format, Object... args) {
    System.out.printf("[%s] %s%n", name, String.format(format, args));
  }
}
