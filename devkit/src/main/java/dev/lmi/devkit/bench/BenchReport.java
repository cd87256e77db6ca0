package dev.lmi.devkit.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Prints the benchmark's figures and its one-line summary. */
final class BenchReport {
  private static final Set<String> READ_PREFIXES = Set.of("Get", "List", "Describe");
  private final PrintStream out;
  private final int providers;
  private final int functions;
  private final Duration latency;
  private final String heapOf;

  /**
   * @param heapOf whose heap the figures are
   */
  BenchReport(PrintStream out, int providers, int functions, Duration latency, String heapOf) {
    this.out = out;
    this.heapOf = heapOf;
    this.providers = providers;
    this.functions = functions;
    this.latency = latency;
  }

  void print(
      Duration converge,
      LowerBound bound,
      Map<String, Map<String, Long>> calls,
      BenchRun.Steady steady,
      long peakHeapMiB,
      long liveHeapMiB) {
    out.printf(
        Locale.ROOT,
        "operator bench: %d functions on %d providers, %d ms per AWS call%n",
        functions,
        providers,
        latency.toMillis());
    out.printf(Locale.ROOT, "time to all Ready      %8.2f s%n", seconds(converge));
    out.printf(
        Locale.ROOT,
        "lower bound            %8.2f s  (critical path %.2f s, threads %.2f s, rate limit %.2f s)%n",
        seconds(bound.value()),
        seconds(bound.criticalPath()),
        seconds(bound.threadBound()),
        seconds(bound.rateBound()));
    var ratio = seconds(converge) / seconds(bound.value());
    out.printf(Locale.ROOT, "ratio                  %8.2f%n", ratio);
    out.println("AWS calls during create (operation: calls, per function):");
    long writes = 0;
    long reads = 0;
    for (var e : new java.util.TreeMap<>(calls).entrySet()) {
      var n = e.getValue().values().stream().mapToLong(Long::longValue).sum();
      var read = READ_PREFIXES.stream().anyMatch(e.getKey()::startsWith);
      if (read) {
        reads += n;
      } else {
        writes += n;
      }
      out.printf(
          Locale.ROOT,
          "  %-40s %7d  %6.2f  %s%n",
          e.getKey(),
          n,
          (double) n / functions,
          read ? "read" : "write");
    }
    var writesPerFunction = (double) writes / functions;
    out.printf(
        Locale.ROOT,
        "writes per function    %8.2f   reads per function %.2f%n",
        writesPerFunction,
        (double) reads / functions);
    var readsPerResource = (double) steady.reads() / steady.resources();
    out.printf(
        Locale.ROOT,
        "steady-state resync    writes %d, reads %d (%.2f per resource)%n",
        steady.writes(),
        steady.reads(),
        readsPerResource);
    out.printf(
        Locale.ROOT,
        "heap                   peak %d MiB, live after GC %d MiB (%s)%n",
        peakHeapMiB,
        liveHeapMiB,
        heapOf);
    out.printf(
        Locale.ROOT,
        "operator_bench converge_ratio=%.2f writes_per_function=%.2f resync_writes=%d reads_per_resource_resync=%.2f heap_mib=%d%n",
        ratio,
        writesPerFunction,
        steady.writes(),
        readsPerResource,
        peakHeapMiB);
  }

  private static double seconds(Duration d) {
    return d.toNanos() / 1e9;
  }
}
