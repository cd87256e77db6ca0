package dev.lmi.devkit.bench;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What a JVM's {@code -Xlog:gc} lines say about its heap: the most it held when a collection began
 * (the peak of used heap, garbage included), what the last full collection left (the live heap),
 * and the time paused.
 */
record GcLog(
    int collections, long peakUsedKiB, long peakCommittedKiB, long liveKiB, double pausedMs) {
  private static final Pattern PAUSE =
      Pattern.compile(
          "GC\\(\\d+\\) Pause (Young|Full) \\((.*)\\) (\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)"
              + " ([\\d.]+)ms");

  /** The figures of these lines; {@code liveKiB} is -1 when no full collection ran. */
  static GcLog of(List<String> lines) {
    int collections = 0;
    long peak = 0;
    long committed = 0;
    long live = -1;
    double paused = 0;
    for (var line : lines) {
      var m = PAUSE.matcher(line);
      if (!m.find()) {
        continue;
      }
      collections++;
      peak = Math.max(peak, kib(m.group(3), m.group(4)));
      committed = Math.max(committed, kib(m.group(7), m.group(8)));
      if ("Full".equals(m.group(1))) {
        live = kib(m.group(5), m.group(6));
      }
      paused += Double.parseDouble(m.group(9));
    }
    return new GcLog(collections, peak, committed, live, paused);
  }

  private static long kib(String value, String unit) {
    var n = Long.parseLong(value);
    return switch (unit) {
      case "G" -> n * 1024 * 1024;
      case "M" -> n * 1024;
      default -> n;
    };
  }

  long peakUsedMiB() {
    return peakUsedKiB / 1024;
  }

  long peakCommittedMiB() {
    return peakCommittedKiB / 1024;
  }

  long liveMiB() {
    return liveKiB < 0 ? -1 : liveKiB / 1024;
  }
}
