package dev.lmi.handler.similarity;

import static dev.lmi.handler.similarity.DotKernel.BLOCK;

import java.util.Arrays;

/**
 * Exact top-k in two int8 stages, for data whose variance sits in a few directions (anisotropic and
 * power-law spectra, as real embeddings have). Stage one reads a short prefix of each row in a
 * {@link PrefixBasis} ({@code prefix} bytes a row, blocked as {@link DotKernel} reads them) and
 * bounds the rest of the row by its residual norm ({@link PrefixQuantiser}); the rows with the best
 * estimates, scored by stage two, set a threshold that rules out most rows. Stage two scores the
 * rows left with the full rotated int8 codes of a {@link QuantizedIndex}, one row at a time, and
 * the exact float32 score settles the rest ({@link PrefixScan}). Results equal {@link FlatIndex}'s.
 * Immutable.
 */
public final class PrefixIndex implements ExactSearch {

  private final FlatIndex exact;
  private final RowCodes full;
  private final double[] mean;
  private final int dim;
  private final int prefix;
  private final float[] basis;
  private final double[] meanProjection;
  private final double defect;
  private final byte[] codes;
  private final float[] scales;
  private final float[] slacksPrefix;
  private final float[] slacksRest;

  /**
   * The first {@code prefix} of the {@code projections} ({@link #project}: {@code stride} per row)
   * quantised, over the rows of {@code quantised} and its codes row after row ({@code full}).
   */
  PrefixIndex(
      QuantizedIndex quantised,
      RowCodes full,
      PrefixBasis directions,
      float[] projections,
      int stride,
      int prefix) {
    this.exact = quantised.exact();
    this.full = full;
    this.mean = quantised.mean();
    this.dim = exact.dimension();
    this.prefix = prefix;
    this.basis = directions.vectors(prefix);
    this.defect = directions.defect();
    this.meanProjection = meanProjection(basis, mean, prefix);
    var padded = Math.ceilDiv(exact.size(), BLOCK) * BLOCK;
    this.codes = new byte[padded * prefix + 64];
    this.scales = new float[padded];
    this.slacksPrefix = new float[padded];
    this.slacksRest = new float[padded];
    // Padding rows are never selected (a NaN bound compares false), should a scan reach them.
    Arrays.fill(slacksPrefix, Float.NaN);
    quantise(projections, stride);
  }

  /** Each row's centred prefix, quantised into its block, with its scale and slacks. */
  private void quantise(float[] projections, int stride) {
    var quantiser = new PrefixQuantiser(dim, prefix, defect, QuantizedIndex.norm(mean));
    var projection = new double[prefix];
    var rowCodes = new byte[prefix];
    for (var row = 0; row < exact.size(); row++) {
      for (var i = 0; i < prefix; i++) {
        projection[i] = projections[row * stride + i] - meanProjection[i];
      }
      var rowNorm = QuantizedIndex.norm(exact.data(), row * dim, dim);
      var result = quantiser.quantise(projection, rowNorm, centredNorm(row), rowCodes);
      scales[row] = result.scale();
      slacksPrefix[row] = result.slackPrefix();
      slacksRest[row] = result.slackRest();
      for (var i = 0; i < prefix; i++) {
        codes[row / BLOCK * BLOCK * prefix + i * BLOCK + row % BLOCK] = rowCodes[i];
      }
    }
  }

  private static double[] meanProjection(float[] basis, double[] mean, int prefix) {
    var dim = mean.length;
    var projection = new double[prefix];
    for (var i = 0; i < prefix; i++) {
      for (var j = 0; j < dim; j++) {
        projection[i] += (double) basis[i * dim + j] * mean[j];
      }
    }
    return projection;
  }

  /**
   * Each row's float dot products with basis vectors {@code [from, to)}, into {@code projections}
   * ({@code stride} per row): sixteen rows at a time, so each basis vector is read from memory once
   * per sixteen rows.
   */
  static void project(
      FlatIndex flat, PrefixBasis directions, int from, int to, float[] projections, int stride) {
    var dim = flat.dimension();
    var basis = directions.vectors(to);
    var direction = new float[dim];
    for (var first = 0; first < flat.size(); first += 16) {
      var end = Math.min(flat.size(), first + 16);
      for (var i = from; i < to; i++) {
        System.arraycopy(basis, i * dim, direction, 0, dim);
        for (var row = first; row < end; row++) {
          projections[row * stride + i] = flat.kernel().dot(flat.data(), row * dim, direction);
        }
      }
    }
  }

  private double centredNorm(int row) {
    var sum = 0.0;
    for (var j = 0; j < dim; j++) {
      var v = exact.data()[row * dim + j] - mean[j];
      sum += v * v;
    }
    return Math.sqrt(sum);
  }

  @Override
  public int size() {
    return exact.size();
  }

  /** Stage two reads each row once for every query of the batch that needs it: halves cost. */
  @Override
  public boolean halves() {
    return false;
  }

  @Override
  public String path() {
    return "int8-prefix" + prefix + "+int8+f32-rerank";
  }

  @Override
  public PrefixScan scan(float[][] queries, int[] ks) {
    return new PrefixScan(this, queries, ks);
  }

  /** Per query: rows stage two scored, and rows scored exactly (the rest pruned). */
  public int[][] work(float[][] queries, int k) {
    var ks = new int[queries.length];
    Arrays.fill(ks, k);
    var first = scan(queries, ks);
    var rest = first.next(java.util.Collections.singletonList(first.scan(0, size())));
    var parts = java.util.Collections.singletonList(rest.scan(0, size()));
    var counts = new int[queries.length][];
    for (var q = 0; q < queries.length; q++) {
      counts[q] = new int[] {rest.alive(q), Candidates.survivors(parts, q).length};
    }
    return counts;
  }

  FlatIndex exact() {
    return exact;
  }

  RowCodes full() {
    return full;
  }

  double[] mean() {
    return mean;
  }

  int prefix() {
    return prefix;
  }

  float[] basis() {
    return basis;
  }

  double defect() {
    return defect;
  }

  byte[] codes() {
    return codes;
  }

  float[] scales() {
    return scales;
  }

  float[] slacksPrefix() {
    return slacksPrefix;
  }

  float[] slacksRest() {
    return slacksRest;
  }
}
