package dev.lmi.handler.bench;

import dev.lmi.handler.similarity.ScanBatcher;
import dev.lmi.handler.similarity.TopK;
import java.util.ArrayList;
import java.util.List;

/**
 * Java and numpy measured back to back, round after round (paired: both see the same load), with
 * each round's ratios: single-query latency against numpy's {@code x @ q} + argpartition, and
 * throughput of concurrent callers against numpy's one sgemm call for 32 queries.
 */
final class Rounds {

  /** How long each round's throughput is measured, once the callers are in their loop. */
  static final long WINDOW_MILLIS = 1_000;

  private final PythonPeer peer;
  private final ScanBatcher batcher;
  private final float[][] queries;
  private final int k;
  private final int callers;
  private final List<double[]> figures = new ArrayList<>();
  private TopK[] concurrentAnswers;

  Rounds(PythonPeer peer, ScanBatcher batcher, float[][] queries, int k, int callers) {
    this.peer = peer;
    this.batcher = batcher;
    this.queries = queries;
    this.k = k;
    this.callers = callers;
  }

  void round(int round) throws Exception {
    var load = SimilarityBench.load();
    var lone = Measure.lone(batcher, queries, k, 1);
    var numpyMs = peer == null ? Double.NaN : peer.number("numpy-single 1", "ms");
    var concurrent = ClosedLoop.run(batcher, queries, k, callers, WINDOW_MILLIS);
    concurrentAnswers = concurrent.answers();
    var gemm = peer == null ? java.util.Map.<String, String>of() : peer.ask("numpy-gemm 5");
    var numpyQps = Double.parseDouble(gemm.getOrDefault("qps", "NaN"));
    var numpyCpu = Double.parseDouble(gemm.getOrDefault("cpu_ms_per_query", "NaN"));
    figures.add(
        new double[] {
          lone.median(), numpyMs, concurrent.qps(), numpyQps, concurrent.cpuMsPerQuery(), numpyCpu
        });
    System.out.printf(
        "  round %d (load %s): single java %.3f ms, numpy %.3f ms, ratio %.3f (target <= 0.3) |"
            + " %d callers java %.0f q/s (%.1f queries per scan, per query %s), numpy sgemm"
            + " %.0f q/s, ratio %.2f (target >= 3); CPU per query java %.3f ms, numpy %.3f ms;"
            + " other processes took %.0f%% of the machine while java was measured%n",
        round,
        load,
        lone.median(),
        numpyMs,
        lone.median() / numpyMs,
        callers,
        concurrent.qps(),
        concurrent.perScan(),
        concurrent.latencies().summary(),
        numpyQps,
        concurrent.qps() / numpyQps,
        concurrent.cpuMsPerQuery(),
        numpyCpu,
        100 * concurrent.othersShare());
  }

  TopK[] concurrentAnswers() {
    return concurrentAnswers;
  }

  double javaMs() {
    return median(0);
  }

  double numpyMs() {
    return median(1);
  }

  double javaQps() {
    return median(2);
  }

  double numpyQps() {
    return median(3);
  }

  /** CPU milliseconds per query, Java (all its threads) and numpy (its process). */
  double[] cpuPerQuery() {
    return new double[] {median(4), median(5)};
  }

  /** The median of each round's ratio: a paired figure, steadier than a ratio of medians. */
  double singleRatio() {
    return Latencies.median(figures.stream().mapToDouble(f -> f[0] / f[1]).toArray());
  }

  double throughputRatio() {
    return Latencies.median(figures.stream().mapToDouble(f -> f[2] / f[3]).toArray());
  }

  private double median(int column) {
    return Latencies.median(figures.stream().mapToDouble(f -> f[column]).toArray());
  }
}
