package dev.lmi.handler.bench;

import java.util.Arrays;

/** Latency samples in milliseconds and their summary. */
final class Latencies {

  private final double[] millis;

  Latencies(double[] millis) {
    this.millis = millis.clone();
    Arrays.sort(this.millis);
  }

  double median() {
    return percentile(50);
  }

  double percentile(double p) {
    var index = (int) Math.ceil(p / 100 * millis.length) - 1;
    return millis[Math.max(0, Math.min(millis.length - 1, index))];
  }

  String summary() {
    return String.format(
        "median %.3f ms, p90 %.3f, min %.3f, max %.3f (n=%d)",
        median(), percentile(90), millis[0], millis[millis.length - 1], millis.length);
  }

  static double median(double[] values) {
    return new Latencies(values).median();
  }
}
