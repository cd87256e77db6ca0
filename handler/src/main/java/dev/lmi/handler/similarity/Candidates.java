package dev.lmi.handler.similarity;

import java.util.Arrays;

/**
 * Rows that may be in the top-k, with their upper bounds, the best lower bounds seen and,
 * optionally, the rows with the best estimates (whose closer look sets a tighter threshold).
 */
final class Candidates {
  final TopK lowers;
  final TopK best;
  int[] rows = new int[256];
  float[] uppers = new float[256];
  int count;

  Candidates(int k) {
    this(k, 0);
  }

  Candidates(int k, int best) {
    this.lowers = new TopK(k);
    this.best = best > 0 ? new TopK(best) : null;
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
      if (best != null) {
        best.offer(row, approx);
      }
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
