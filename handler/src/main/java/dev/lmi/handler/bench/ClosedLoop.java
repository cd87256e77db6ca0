package dev.lmi.handler.bench;

import dev.lmi.handler.similarity.ScanBatcher;
import dev.lmi.handler.similarity.TopK;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Callers in a closed loop (each asks its next query as soon as its last is answered), measured in
 * a window that opens once every caller has had two answers and closes {@code windowMillis} later:
 * steady-state throughput, as numpy's sgemm figure is, without the pool's start, the first scans'
 * ramp (one lone query, then everyone else) or the drain at the end, which a fixed number of
 * queries per caller counts in.
 */
final class ClosedLoop {

  private static final long RAMP_LIMIT_SECONDS = 30;

  /**
   * Queries per second, the latencies in the window, every answer (slot % queries = query), and the
   * share of the machine other processes took in the window.
   */
  record Throughput(
      double qps,
      Latencies latencies,
      TopK[] answers,
      double perScan,
      double cpuMsPerQuery,
      double othersShare) {}

  private record Answer(int slot, long start, long end, TopK top) {}

  private ClosedLoop() {}

  static Throughput run(
      ScanBatcher batcher, float[][] queries, int k, int callers, long windowMillis)
      throws Exception {
    var running = new AtomicBoolean(true);
    var issued = new AtomicInteger();
    var ramped = new CountDownLatch(callers);
    var answers = new ArrayList<List<Answer>>();
    try (var pool = Executors.newFixedThreadPool(callers)) {
      var loops = new ArrayList<Future<?>>();
      for (var c = 0; c < callers; c++) {
        var mine = new ArrayList<Answer>();
        answers.add(mine);
        loops.add(pool.submit(() -> loop(batcher, queries, k, running, issued, ramped, mine)));
      }
      if (!ramped.await(RAMP_LIMIT_SECONDS, TimeUnit.SECONDS)) {
        running.set(false);
        throw new IllegalStateException("callers did not get two answers each in 30 s");
      }
      var before = batcher.scansAndQueries();
      var cpu = Measure.cpuNanos();
      var ticks = MachineTicks.now();
      var from = System.nanoTime();
      Thread.sleep(windowMillis);
      var to = System.nanoTime();
      var cpuNanos = Measure.cpuNanos() - cpu;
      var others = MachineTicks.others(ticks, MachineTicks.now(), cpuNanos, to - from);
      var after = batcher.scansAndQueries();
      running.set(false);
      for (var loop : loops) {
        loop.get();
      }
      return throughput(answers, issued.get(), from, to, cpuNanos, others, before, after);
    }
  }

  private static Void loop(
      ScanBatcher batcher,
      float[][] queries,
      int k,
      AtomicBoolean running,
      AtomicInteger issued,
      CountDownLatch ramped,
      List<Answer> mine) {
    while (running.get()) {
      var slot = issued.getAndIncrement();
      var start = System.nanoTime();
      var top = batcher.submit(queries[slot % queries.length], k).join();
      mine.add(new Answer(slot, start, System.nanoTime(), top));
      if (mine.size() == 2) {
        ramped.countDown();
      }
    }
    return null;
  }

  private static Throughput throughput(
      List<List<Answer>> answers,
      int issued,
      long from,
      long to,
      long cpuNanos,
      double others,
      long[] before,
      long[] after) {
    var tops = new TopK[issued];
    var inWindow = new ArrayList<Double>();
    for (var mine : answers) {
      for (var answer : mine) {
        tops[answer.slot()] = answer.top();
        if (answer.end() > from && answer.end() <= to) {
          inWindow.add((answer.end() - answer.start()) / 1e6);
        }
      }
    }
    var count = Math.max(1, inWindow.size());
    var latencies = inWindow.stream().mapToDouble(Double::doubleValue).toArray();
    var perScan = (after[1] - before[1]) / (double) Math.max(1, after[0] - before[0]);
    return new Throughput(
        inWindow.size() / ((to - from) / 1e9),
        new Latencies(latencies.length == 0 ? new double[] {Double.NaN} : latencies),
        tops,
        perScan,
        cpuNanos / 1e6 / count,
        others);
  }
}
