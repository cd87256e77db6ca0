package dev.lmi.handler.bench;

import dev.lmi.handler.similarity.FlatIndex;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

/**
 * The float32 scan against a plain sum over the same array, on one thread and split over the pool:
 * each sample times one scan and one sum back to back, so both see the same load, and the ratio of
 * medians says how far the scan is from the memory bandwidth the sum reaches.
 */
final class ScanFloor {

  /** Where the sums go, so the JIT cannot drop them. */
  private static volatile double sink;

  private ScanFloor() {}

  /** {@code flat} holds {@code data}. */
  static void print(
      ShapeRun run,
      FlatIndex flat,
      float[] data,
      float[][] queries,
      int k,
      ExecutorService pool,
      int threads)
      throws Exception {
    for (var parts : threads > 1 ? new int[] {1, threads} : new int[] {1}) {
      var scans = new double[queries.length];
      var sums = new double[queries.length];
      for (var q = 0; q < queries.length; q++) {
        var start = System.nanoTime();
        flat.search(queries[q], k, parts == 1 ? null : pool, parts);
        scans[q] = (System.nanoTime() - start) / 1e6;
        start = System.nanoTime();
        sink = sum(data, parts == 1 ? null : pool, parts);
        sums[q] = (System.nanoTime() - start) / 1e6;
      }
      var scan = new Latencies(scans);
      var sum = new Latencies(sums);
      run.print(
          "float32 scan against a plain sum over the same %.1f MB, %d thread(s), paired: scan"
              + " median %.2f ms (best %.2f), sum median %.2f ms (best %.2f): scan/sum %.2f"
              + " (best/best %.2f)",
          data.length * 4e-6,
          parts,
          scan.median(),
          scan.percentile(0),
          sum.median(),
          sum.percentile(0),
          scan.median() / sum.median(),
          scan.percentile(0) / sum.percentile(0));
    }
  }

  private static double sum(float[] data, ExecutorService pool, int parts) throws Exception {
    if (pool == null) {
      return sum(data, 0, data.length);
    }
    var calls = new ArrayList<Callable<Double>>();
    for (var p = 0; p < parts; p++) {
      var from = (int) ((long) data.length * p / parts);
      var to = (int) ((long) data.length * (p + 1) / parts);
      calls.add(() -> sum(data, from, to));
    }
    var total = 0.0;
    for (var future : pool.invokeAll(calls)) {
      total += future.get();
    }
    return total;
  }

  /** Two accumulators, as {@link Measure}'s floor: a stream of loads and adds, nothing more. */
  private static double sum(float[] data, int from, int to) {
    var species = FloatVector.SPECIES_PREFERRED;
    var a = FloatVector.zero(species);
    var b = FloatVector.zero(species);
    var i = from;
    for (; i + 2 * species.length() <= to; i += 2 * species.length()) {
      a = a.add(FloatVector.fromArray(species, data, i));
      b = b.add(FloatVector.fromArray(species, data, i + species.length()));
    }
    return a.add(b).reduceLanes(VectorOperators.ADD);
  }
}
