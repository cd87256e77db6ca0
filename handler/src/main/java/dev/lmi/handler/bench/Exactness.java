package dev.lmi.handler.bench;

import dev.lmi.handler.similarity.TopK;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Checks answers against a float64 brute force by score, not by ids: a top-k is right when its rows
 * are distinct, each reported score is the row's float64 score up to float32 rounding, and its
 * rows' float64 scores, sorted, are the k best ones up to that rounding. Rows tied on score may
 * come in either order, and either of two rows tied for k-th place may be in.
 */
final class Exactness {

  private Exactness() {}

  /** How many of the answers are exact. */
  static int count(float[] data, int dim, float[][] queries, TopK[] answers, int k) {
    var maxRow =
        IntStream.range(0, data.length / dim).mapToDouble(r -> norm(data, r * dim, dim)).max();
    return (int)
        IntStream.range(0, queries.length)
            .parallel()
            .filter(q -> exact(data, dim, queries[q], answers[q], k, maxRow.orElse(0)))
            .count();
  }

  private static boolean exact(
      float[] data, int dim, float[] query, TopK answer, int k, double maxRow) {
    var rows = data.length / dim;
    var reference = new double[rows];
    for (var row = 0; row < rows; row++) {
      var sum = 0.0;
      for (var j = 0; j < dim; j++) {
        sum += (double) data[row * dim + j] * query[j];
      }
      reference[row] = sum;
    }
    var gamma = 1.01 * dim * 0x1p-24 / (1 - dim * 0x1p-24);
    var tolerance = 2 * gamma * maxRow * norm(query, 0, dim) + 1e-30;
    var ids = answer.rows();
    var scores = answer.scores();
    if (ids.length != Math.min(k, rows) || Arrays.stream(ids).distinct().count() != ids.length) {
      return false;
    }
    var found = new double[ids.length];
    for (var i = 0; i < ids.length; i++) {
      found[i] = reference[ids[i]];
      if (Math.abs(scores[i] - found[i]) > tolerance) {
        return false;
      }
    }
    Arrays.sort(found);
    Arrays.sort(reference);
    for (var i = 1; i <= ids.length; i++) {
      if (Math.abs(found[found.length - i] - reference[rows - i]) > tolerance) {
        return false;
      }
    }
    return true;
  }

  private static double norm(float[] v, int offset, int dim) {
    var sum = 0.0;
    for (var j = offset; j < offset + dim; j++) {
      sum += (double) v[j] * v[j];
    }
    return Math.sqrt(sum);
  }

  /** Whether two answers are the same rows with the same scores, in the same order. */
  static boolean same(TopK a, TopK b) {
    return Arrays.equals(a.rows(), b.rows()) && Arrays.equals(a.scores(), b.scores());
  }

  /** One line per query, {@code row:score ...}, for compare.py's check. */
  static void write(Path file, TopK[] answers) throws IOException {
    var lines = new ArrayList<String>();
    for (var answer : answers) {
      var line = new StringBuilder();
      var rows = answer.rows();
      var scores = answer.scores();
      for (var i = 0; i < rows.length; i++) {
        line.append(i == 0 ? "" : " ").append(rows[i]).append(':').append(scores[i]);
      }
      lines.add(line.toString());
    }
    Files.write(file, lines);
  }
}
