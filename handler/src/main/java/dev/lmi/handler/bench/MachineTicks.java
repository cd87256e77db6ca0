package dev.lmi.handler.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine's CPU time from {@code /proc/stat} (Linux), busy and all: with this process's own CPU
 * time over the same window, how much of the machine other processes took while we measured.
 */
record MachineTicks(long busy, long total) {

  private static final Path STAT = Path.of("/proc/stat");

  /** Now, or null where {@code /proc/stat} cannot be read. */
  static MachineTicks now() {
    try (var lines = Files.lines(STAT)) {
      var fields = lines.findFirst().orElse("").trim().split("\\s+");
      if (fields.length < 5 || !fields[0].equals("cpu")) {
        return null;
      }
      var total = 0L;
      for (var i = 1; i < fields.length; i++) {
        total += Long.parseLong(fields[i]);
      }
      var idle = Long.parseLong(fields[4]) + (fields.length > 5 ? Long.parseLong(fields[5]) : 0);
      return new MachineTicks(total - idle, total);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * The share of the machine (0 to 1) busy with other processes between {@code before} and {@code
   * after}, given this process's CPU nanoseconds and the window's; NaN where unknown.
   */
  static double others(MachineTicks before, MachineTicks after, long cpuNanos, long windowNanos) {
    if (before == null || after == null || after.total <= before.total) {
      return Double.NaN;
    }
    var busy = (double) (after.busy - before.busy) / (after.total - before.total);
    var cores = Runtime.getRuntime().availableProcessors();
    var ours = (double) cpuNanos / windowNanos / cores;
    return Math.max(0, busy - ours);
  }
}
