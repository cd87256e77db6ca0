package dev.lmi.handler.similarity;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * Exact top-k at a quarter of the memory traffic: a first pass over an int8 copy (one scale per
 * row) gives each row an approximate score with a rigorous error bound; only rows whose upper bound
 * reaches the k-th best lower bound can be in the exact top-k, and just those are re-ranked with
 * {@link FlatIndex#score}. Results equal {@link FlatIndex#search}'s. Immutable.
 */
public final class QuantizedIndex {

  private final FlatIndex exact;
  private final byte[] codes;
  private final float[] scales;
  private final float[] slack;
  private final int dim;

  public QuantizedIndex(FlatIndex exact) {
    this.exact = exact;
    this.dim = exact.dimension();
    var rows = exact.size();
    this.codes = new byte[rows * dim];
    this.scales = new float[rows];
    this.slack = new float[rows];
    // Float rounding of a dim-term dot product stays below dim * 2^-24 of its magnitude.
    var gamma = dim * Math.ulp(1.0f) * 1.01;
    for (var row = 0; row < rows; row++) {
      quantise(exact.data(), row, gamma);
    }
  }

  private void quantise(float[] data, int row, double gamma) {
    var offset = row * dim;
    var max = 0f;
    for (var j = 0; j < dim; j++) {
      max = Math.max(max, Math.abs(data[offset + j]));
    }
    var scale = max / 127f;
    double residual = 0;
    double codeNorm = 0;
    double rowNorm = 0;
    for (var j = 0; j < dim; j++) {
      var value = data[offset + j];
      var code = scale == 0 ? 0 : (int) Math.max(-127, Math.min(127, Math.round(value / scale)));
      codes[offset + j] = (byte) code;
      var error = value - (double) scale * code;
      residual += error * error;
      codeNorm += (double) code * code;
      rowNorm += (double) value * value;
    }
    scales[row] = scale;
    // Per unit of |query|: quantisation error, plus rounding of the int8 pass and of the exact dot.
    var bound = Math.sqrt(residual) + gamma * (scale * Math.sqrt(codeNorm) + Math.sqrt(rowNorm));
    slack[row] = Math.nextUp((float) (bound * 1.0001 + 1e-7));
  }

  public int size() {
    return scales.length;
  }

  public TopK search(float[] query, int k) {
    return search(query, k, null, 1);
  }

  public TopK search(float[] query, int k, ExecutorService executor, int parts) {
    var queryNorm = (float) norm(query) * 1.0001f;
    List<Candidates> partials =
        Ranges.run(executor, parts, size(), (from, to) -> firstPass(query, queryNorm, k, from, to));
    var lowers = new TopK(k);
    partials.forEach(partial -> lowers.addAll(partial.lowers));
    var threshold = lowers.threshold();
    var top = new TopK(k);
    for (var partial : partials) {
      for (var i = 0; i < partial.count; i++) {
        if (partial.uppers[i] >= threshold) {
          top.offer(partial.rows[i], exact.score(partial.rows[i], query));
        }
      }
    }
    return top;
  }

  private Candidates firstPass(float[] query, float queryNorm, int k, int from, int to) {
    var kernel = exact.kernel();
    var candidates = new Candidates(k);
    for (var row = from; row < to; row++) {
      var approx = scales[row] * kernel.dot(codes, row * dim, query);
      var bound = queryNorm * slack[row] + 1e-6f;
      // The running k-th lower bound only rises and never exceeds the final one: safe to drop.
      if (approx + bound >= candidates.lowers.threshold()) {
        candidates.lowers.offer(row, approx - bound);
        candidates.add(row, approx + bound);
      }
    }
    return candidates;
  }

  private static double norm(float[] vector) {
    double sum = 0;
    for (var v : vector) {
      sum += (double) v * v;
    }
    return Math.sqrt(sum);
  }

  /** Rows that may be in the top-k, with their upper bounds, and the best lower bounds seen. */
  private static final class Candidates {
    final TopK lowers;
    int[] rows = new int[256];
    float[] uppers = new float[256];
    int count;

    Candidates(int k) {
      lowers = new TopK(k);
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
}
