package dev.lmi.handler.similarity;

import java.util.Arrays;

/** The two summaries the tile benchmarks print of a round's rates: the median and the best. */
final class BenchRates {

  private BenchRates() {}

  static double median(double[] values) {
    var sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  static double max(double[] values) {
    return Arrays.stream(values).max().orElse(Double.NaN);
  }
}
