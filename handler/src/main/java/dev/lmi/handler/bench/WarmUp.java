package dev.lmi.handler.bench;

import dev.lmi.handler.similarity.ScanBatcher;
import java.lang.management.ManagementFactory;

/**
 * Runs the search until it is in a steady state before anything is measured, as JMH's warm-up
 * iterations do: the JIT compiles the kernels during the first second or so of work, and that cost
 * belonged to whichever shape ran first. Steady also means the JIT has gone quiet: its compiler
 * threads' CPU counts in the measured CPU per query, and C2 was still compiling the scans' task
 * loop during measured rounds after throughput had levelled off.
 */
final class WarmUp {

  /** Warm-up ends once this much time has passed and two rounds in a row agree... */
  private static final double MIN_SECONDS = 1.5;

  /** ...within this fraction of their throughput, or after at most this long. */
  private static final double AGREEMENT = 0.05;

  private static final double MAX_SECONDS = 10;

  /** Compilation time within the last round, at most this fraction of the round's wall time. */
  private static final double QUIET_JIT = 0.01;

  private WarmUp() {}

  static void run(ShapeRun shape, ScanBatcher batcher, float[][] queries, int k, int callers)
      throws Exception {
    var start = System.nanoTime();
    var previous = 0.0;
    var rounds = 0;
    while (true) {
      var roundStart = System.nanoTime();
      var compiled = compiledMs();
      Measure.lone(batcher, queries, k, 1);
      var qps = ClosedLoop.run(batcher, queries, k, callers, 300).qps();
      rounds++;
      var roundMs = (System.nanoTime() - roundStart) / 1e6;
      var quiet = compiledMs() - compiled <= QUIET_JIT * roundMs;
      var seconds = (System.nanoTime() - start) / 1e9;
      var steady = seconds >= MIN_SECONDS && quiet && Math.abs(qps - previous) <= AGREEMENT * qps;
      if (steady || seconds >= MAX_SECONDS) {
        shape.print(
            "warm-up: %d rounds in %.1f s (lone queries, then %d callers: last %.0f q/s, %s)",
            rounds, seconds, callers, qps, steady ? "steady, JIT quiet" : "not steady, time is up");
        return;
      }
      previous = qps;
    }
  }

  /** The JIT's compilation time so far; zero where the JVM does not count it. */
  private static long compiledMs() {
    var jit = ManagementFactory.getCompilationMXBean();
    return jit != null && jit.isCompilationTimeMonitoringSupported()
        ? jit.getTotalCompilationTime()
        : 0;
  }
}
