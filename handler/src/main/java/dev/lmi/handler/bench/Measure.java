package dev.lmi.handler.bench;

import dev.lmi.handler.similarity.ExactSearch;
import dev.lmi.handler.similarity.ScanBatcher;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;

/** The Java side's timings. */
final class Measure {

  private Measure() {}

  /** Median ms per query, one caller at a time: each query alone, as a lone request would be. */
  static Latencies lone(ScanBatcher batcher, float[][] queries, int k, int rounds) {
    var samples = new double[queries.length * rounds];
    for (var round = 0; round < rounds; round++) {
      for (var q = 0; q < queries.length; q++) {
        var start = System.nanoTime();
        batcher.submit(queries[q], k).join();
        samples[round * queries.length + q] = (System.nanoTime() - start) / 1e6;
      }
    }
    return new Latencies(samples);
  }

  /** Median ms per query of a search on the calling thread alone. */
  static Latencies direct(ExactSearch search, float[][] queries, int k) {
    var samples = new double[queries.length];
    for (var q = 0; q < queries.length; q++) {
      var start = System.nanoTime();
      search.search(queries[q], k);
      samples[q] = (System.nanoTime() - start) / 1e6;
    }
    return new Latencies(samples);
  }

  /** CPU time of the whole JVM (JIT and GC included): what a query costs whatever the load. */
  static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** GB/s of a plain vector sum over {@code data} on {@code threads} threads: the memory floor. */
  static double sumFloats(float[] data, int threads) throws Exception {
    return bandwidth(data.length * 4.0, threads, (from, to) -> sum(data, from, to), data.length);
  }

  /** The same over {@code length} bytes (the size of the int8 copy). */
  static double sumBytes(byte[] data, int threads) throws Exception {
    return bandwidth(data.length, threads, (from, to) -> sum(data, from, to), data.length);
  }

  private interface Range {
    double sum(int from, int to);
  }

  private static double bandwidth(double bytes, int threads, Range range, int length)
      throws Exception {
    var best = Double.MAX_VALUE;
    try (var pool = Executors.newFixedThreadPool(threads)) {
      for (var round = 0; round < 12; round++) {
        var calls = new ArrayList<Callable<Double>>();
        for (var t = 0; t < threads; t++) {
          var from = (int) ((long) length * t / threads);
          var to = (int) ((long) length * (t + 1) / threads);
          calls.add(() -> range.sum(from, to));
        }
        var start = System.nanoTime();
        for (var future : pool.invokeAll(calls)) {
          future.get();
        }
        best = Math.min(best, (System.nanoTime() - start) / 1e9);
      }
    }
    return bytes / best / 1e9;
  }

  private static double sum(float[] data, int from, int to) {
    var species = FloatVector.SPECIES_PREFERRED;
    var a = FloatVector.zero(species);
    var b = FloatVector.zero(species);
    var i = from;
    for (; i + 2 * species.length() <= to; i += 2 * species.length()) {
      a = a.add(FloatVector.fromArray(species, data, i));
      b = b.add(FloatVector.fromArray(species, data, i + species.length()));
    }
    return a.add(b).reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
  }

  private static double sum(byte[] data, int from, int to) {
    var species = ByteVector.SPECIES_PREFERRED;
    var a = ByteVector.zero(species);
    var i = from;
    for (; i + species.length() <= to; i += species.length()) {
      a = a.add(ByteVector.fromArray(species, data, i));
    }
    return a.reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
  }
}
