package dev.lmi.devkit.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * The operator process's own figures over a run: CPU from the first apply until all Ready and over
 * one resync, resident memory, and its heap from its GC log; each beside the machine's load.
 */
final class ProcessFigures {
  private final OperatorProcess process;
  private final PrintStream out;
  private final double cpuAtApply;
  private final String loadAtApply;
  private double cpuAtReady;
  private String loadAtReady;
  private double cpuAtResync;

  ProcessFigures(OperatorProcess process, PrintStream out) {
    this.process = process;
    this.out = out;
    this.cpuAtApply = process.cpuSeconds();
    this.loadAtApply = load();
  }

  void converged() {
    cpuAtReady = process.cpuSeconds();
    loadAtReady = load();
  }

  void resyncStarts() {
    cpuAtResync = process.cpuSeconds();
  }

  /** Prints the figures, after a full collection that measures the live heap; returns the log. */
  GcLog print(Duration converge, Duration resync) throws IOException, InterruptedException {
    var cpuAtEnd = process.cpuSeconds();
    var loadAtEnd = load();
    var memory = process.memory();
    var gc = process.collect();
    var untilReady = cpuAtReady - cpuAtApply;
    out.println("operator process: " + String.join(" ", process.command()));
    out.printf(
        Locale.ROOT,
        "operator CPU           %.2f s until Ready (%.2f cores busy), %.2f s over one %d s resync;"
            + " load average %s at apply, %s at Ready, %s after the resync%n",
        untilReady,
        untilReady / (converge.toNanos() / 1e9),
        cpuAtEnd - cpuAtResync,
        resync.toSeconds(),
        loadAtApply,
        loadAtReady,
        loadAtEnd);
    out.printf(
        Locale.ROOT,
        "operator RSS           peak %d MiB, after the resync %d MiB%n",
        memory.peakMiB(),
        memory.nowMiB());
    out.printf(
        Locale.ROOT,
        "operator heap          peak %d MiB used (when a collection began), %d MiB committed at"
            + " most, %d MiB live after a full GC; %d collections, %.2f s paused%n",
        gc.peakUsedMiB(),
        gc.peakCommittedMiB(),
        gc.liveMiB(),
        gc.collections(),
        gc.pausedMs() / 1000);
    out.printf(
        Locale.ROOT,
        "operator_process heap_peak_mib=%d heap_live_mib=%d rss_peak_mib=%d cpu_until_ready_s=%.2f"
            + " cpu_per_resync_s=%.2f converge_s=%.2f load=%s%n",
        gc.peakUsedMiB(),
        gc.liveMiB(),
        memory.peakMiB(),
        untilReady,
        cpuAtEnd - cpuAtResync,
        converge.toNanos() / 1e9,
        loadAtReady);
    return gc;
  }

  /** The one-minute load average, as uptime prints it first. */
  private static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }
}
