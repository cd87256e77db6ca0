package dev.lmi.handler.similarity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;

/**
 * Brute force in float64, and a tie-tolerant check against it: a top-k is right when its rows are
 * distinct, its scores are the rows' exact float32 scores, best first, and, sorted, its rows'
 * float64 scores equal the k best float64 scores up to float32 rounding. Equal scores may come in
 * either order, and either of two rows tied for k-th place may be in.
 */
final class Reference {

  private Reference() {}

  /** A first pass's estimate and bound for every row, for query {@code q}. */
  interface Estimates {
    void estimates(int q, float[] approx, float[] bound);
  }

  /** Every row's exact score lies within its estimate's bound, for every query. */
  static void assertEveryRowWithinItsBound(FlatIndex exact, float[][] queries, Estimates pass) {
    var approx = new float[exact.size()];
    var bound = new float[exact.size()];
    for (var q = 0; q < queries.length; q++) {
      pass.estimates(q, approx, bound);
      for (var row = 0; row < exact.size(); row++) {
        var score = exact.score(row, queries[q]);
        assertThat(Math.abs((double) score - approx[row]))
            .as("row %d, query %d", row, q)
            .isLessThanOrEqualTo(bound[row]);
      }
    }
  }

  static double[] scores(float[] data, int dim, float[] query) {
    var scores = new double[data.length / dim];
    for (var row = 0; row < scores.length; row++) {
      var sum = 0.0;
      for (var j = 0; j < dim; j++) {
        sum += (double) data[row * dim + j] * query[j];
      }
      scores[row] = sum;
    }
    return scores;
  }

  static void assertExactTopK(FlatIndex index, float[] query, int k, TopK top) {
    var data = index.data();
    var dim = index.dimension();
    var exact = scores(data, dim, query);
    var rows = top.rows();
    var scores = top.scores();
    assertThat(rows).hasSize(Math.min(k, exact.length));
    assertThat(new HashSet<>(Arrays.stream(rows).boxed().toList())).hasSize(rows.length);
    var found = new double[rows.length];
    for (var i = 0; i < rows.length; i++) {
      assertThat(scores[i]).isEqualTo(index.score(rows[i], query));
      if (i > 0) {
        assertThat(scores[i]).isLessThanOrEqualTo(scores[i - 1]);
      }
      found[i] = exact[rows[i]];
    }
    var tolerance = 2 * roundingBound(data, dim, query);
    var best = exact.clone();
    Arrays.sort(best);
    Arrays.sort(found);
    for (var i = 0; i < found.length; i++) {
      assertThat(found[found.length - 1 - i])
          .as("score %d of the top-%d", i, k)
          .isCloseTo(best[best.length - 1 - i], org.assertj.core.data.Offset.offset(tolerance));
    }
  }

  /** How far a float32 dot product of any row with the query can be from the float64 one. */
  static double roundingBound(float[] data, int dim, float[] query) {
    var maxRow = 0.0;
    for (var row = 0; row < data.length / dim; row++) {
      maxRow = Math.max(maxRow, QuantizedIndex.norm(data, row * dim, dim));
    }
    var gamma = 1.01 * dim * 0x1p-24 / (1 - dim * 0x1p-24);
    return gamma * maxRow * QuantizedIndex.norm(query, 0, dim) + dim * 0x1p-140;
  }
}
