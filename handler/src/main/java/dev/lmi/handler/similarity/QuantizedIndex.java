package dev.lmi.handler.similarity;

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
    return rerank(query, k, partials);
  }

  /** Only rows whose upper bound reaches the k-th best lower bound overall can be in the top-k. */
  private TopK rerank(float[] query, int k, List<Candidates> partials) {
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
      candidates.consider(
          row, scales[row] * kernel.dot(codes, row * dim, query), queryNorm * slack[row]);
    }
    return candidates;
  }

  /**
   * Many queries in one pass: each int8 row is read from memory once and dotted with every query,
   * which turns the memory-bound scan into a compute-bound one. Results equal {@link #search}'s.
   */
  public TopK[] search(float[][] queries, int k, ExecutorService executor, int parts) {
    var norms = new float[queries.length];
    for (var q = 0; q < queries.length; q++) {
      norms[q] = (float) norm(queries[q]) * 1.0001f;
    }
    List<Candidates[]> partials =
        Ranges.run(executor, parts, size(), (from, to) -> firstPass(queries, norms, k, from, to));
    var results = new TopK[queries.length];
    for (var q = 0; q < queries.length; q++) {
      var query = q;
      results[q] = rerank(queries[q], k, partials.stream().map(p -> p[query]).toList());
    }
    return results;
  }

  private Candidates[] firstPass(float[][] queries, float[] norms, int k, int from, int to) {
    var kernel = exact.kernel();
    var n = queries.length;
    var candidates = new Candidates[n];
    for (var q = 0; q < n; q++) {
      candidates[q] = new Candidates(k);
    }
    var scores = new float[4];
    var widened = new float[dim];
    for (var row = from; row < to; row++) {
      kernel.widen(codes, row * dim, widened);
      for (var b = 0; b < n; b += 4) {
        // A short last block repeats its final query; the extra results are ignored.
        kernel.dot4(
            widened,
            queries[b],
            queries[Math.min(b + 1, n - 1)],
            queries[Math.min(b + 2, n - 1)],
            queries[Math.min(b + 3, n - 1)],
            scores);
        for (var j = 0; j < 4 && b + j < n; j++) {
          candidates[b + j].consider(row, scales[row] * scores[j], norms[b + j] * slack[row]);
        }
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
}
