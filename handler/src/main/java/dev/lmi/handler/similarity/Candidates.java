package dev.lmi.handler.similarity;

import java.util.Arrays;
import java.util.List;

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

  /** One empty set per query, keeping {@code bestPerK} × k best estimates when that is positive. */
  static Candidates[] perQuery(int[] ks, int bestPerK) {
    var candidates = new Candidates[ks.length];
    for (var q = 0; q < ks.length; q++) {
      candidates[q] = new Candidates(ks[q], bestPerK * ks[q]);
    }
    return candidates;
  }

  /** Only rows whose upper bound reaches the k-th best lower bound overall can be in the top-k. */
  static int[] survivors(List<Candidates[]> parts, int q) {
    var lowers = new TopK(parts.get(0)[q].lowers.capacity());
    parts.forEach(part -> lowers.addAll(part[q].lowers));
    var threshold = lowers.threshold();
    var rows = new int[parts.stream().mapToInt(part -> part[q].count).sum()];
    var count = 0;
    for (var part : parts) {
      var candidates = part[q];
      for (var i = 0; i < candidates.count; i++) {
        if (candidates.uppers[i] >= threshold) {
          rows[count++] = candidates.rows[i];
        }
      }
    }
    return Arrays.copyOf(rows, count);
  }

  /** Each query's survivors scored exactly: the answers of a pass that bounds scores. */
  static TopK[] rerank(List<Candidates[]> parts, FlatIndex exact, float[][] queries, int[] ks) {
    var results = new TopK[queries.length];
    for (var q = 0; q < queries.length; q++) {
      var top = new TopK(ks[q]);
      for (var row : survivors(parts, q)) {
        top.offer(row, exact.score(row, queries[q]));
      }
      results[q] = top;
    }
    return results;
  }
}
