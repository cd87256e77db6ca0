package dev.lmi.handler.bench;

import java.util.List;

/** The run's figures as a Markdown table, ready to paste into docs/benchmarks.md. */
final class Summary {

  private Summary() {}

  static void print(List<ShapeRun.Result> results, int k, int callers) {
    System.out.printf(
        "%n| shape | rows × dim | path | re-ranked (median / max of 16 samples) | Java single"
            + " | numpy single | ratio (≤ 0.3) | Java %d callers | numpy sgemm 32 | ratio (≥ 3)"
            + " | CPU ms per query, Java / numpy"
            + " | faiss single | faiss batch 32 | exact (top-%d by score) | int8/f32 memory floor"
            + " | load |%n",
        callers, k);
    System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    for (var r : results) {
      System.out.printf(
          "| %s | %s | %s | %s | %.2f ms | %.2f ms | **%.3f** | %.0f q/s | %.0f q/s | **%.2f**"
              + " | %.3f / %.3f | %.1f ms | %.0f q/s | %s | %s | %s |%n",
          r.shape(),
          r.size(),
          r.path(),
          r.reranked(),
          r.javaMs(),
          r.numpyMs(),
          r.singleRatio(),
          r.javaQps(),
          r.numpyQps(),
          r.throughputRatio(),
          r.cpuPerQuery()[0],
          r.cpuPerQuery()[1],
          r.faissMs(),
          r.faissQps(),
          r.exact(),
          r.floor(),
          r.load());
    }
    for (var r : results) {
      System.out.printf(
          "similarity_bench shape=%s single_ms=%.3f numpy_single_ms=%.3f single_ratio=%.3f"
              + " qps=%.1f numpy_sgemm_qps=%.1f throughput_ratio=%.2f exact=%s%n",
          r.shape(),
          r.javaMs(),
          r.numpyMs(),
          r.singleRatio(),
          r.javaQps(),
          r.numpyQps(),
          r.throughputRatio(),
          r.exact());
    }
  }
}
