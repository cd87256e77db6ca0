package dev.lmi.handler.similarity;

import java.util.Arrays;

/** Rows that may be in the top-k, with their upper bounds, and the best lower bounds seen. */
final class Candidates {
  final TopK lowers;
  int[] rows = new int[256];
  float[] uppers = new float[256];
  int count;

  Candidates(int k) {
    lowers = new TopK(k);
  }

  float threshold() {
    return lowers.threshold();
  }

  /**
   * {@code approx ± bound} brackets the row's exact score. The running k-th lower bound only rises
   * and never exceeds the final one, so a row whose upper bound is below it can be dropped now.
   */
  void consider(int row, float approx, float bound) {
    var upper = approx + bound;
    if (upper >= lowers.threshold()) {
      lowers.offer(row, approx - bound);
      add(row, upper);
    }
  }

  void add(int row, float upper) {
    if (count == rows.length) {
      rows = Arrays.copyOf(rows, count * 2);
      uppers = Arrays.copyOf(uppers, count * 2);
    }
    rows[count] = row;
    uppers[count++] = upper;
  }
}
