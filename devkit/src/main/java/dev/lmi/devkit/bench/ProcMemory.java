package dev.lmi.devkit.bench;

import java.util.regex.Pattern;

/** A process's resident memory as Linux reports it in /proc/PID/status: the peak and now. */
record ProcMemory(long peakKiB, long nowKiB) {
  private static final Pattern PEAK = Pattern.compile("(?m)^VmHWM:\\s+(\\d+) kB");
  private static final Pattern NOW = Pattern.compile("(?m)^VmRSS:\\s+(\\d+) kB");

  /** The figures of a status file's text; -1 for one it lacks (another OS, an ended process). */
  static ProcMemory of(String status) {
    return new ProcMemory(field(PEAK, status), field(NOW, status));
  }

  private static long field(Pattern p, String status) {
    var m = p.matcher(status);
    return m.find() ? Long.parseLong(m.group(1)) : -1;
  }

  long peakMiB() {
    return peakKiB < 0 ? -1 : peakKiB / 1024;
  }

  long nowMiB() {
    return nowKiB < 0 ? -1 : nowKiB / 1024;
  }
}
