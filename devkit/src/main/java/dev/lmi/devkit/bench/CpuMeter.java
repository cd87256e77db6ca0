package dev.lmi.devkit.bench;

import java.lang.management.ManagementFactory;

/** The CPU this process used over an interval, in cores busy on average. */
final class CpuMeter {
  private final long startCpuNanos;
  private final long startWallNanos;

  private CpuMeter(long cpu, long wall) {
    this.startCpuNanos = cpu;
    this.startWallNanos = wall;
  }

  static CpuMeter start() {
    return new CpuMeter(processCpuNanos(), System.nanoTime());
  }

  /** Average cores busy since start; negative when the JVM cannot tell. */
  double coresBusy() {
    var cpu = processCpuNanos();
    if (cpu < 0 || startCpuNanos < 0) {
      return -1;
    }
    return (double) (cpu - startCpuNanos) / (System.nanoTime() - startWallNanos);
  }

  private static long processCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : -1;
  }
}
