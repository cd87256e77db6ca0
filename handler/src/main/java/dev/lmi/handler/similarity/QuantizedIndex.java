package dev.lmi.handler.similarity;

import static dev.lmi.handler.similarity.DotKernel.BLOCK;

import java.util.Arrays;

/**
 * Exact top-k at a quarter of the memory traffic. Rows are centred on the mean vector, rotated by a
 * random orthogonal {@link Rotation} (which spreads variance evenly, so no few dimensions set the
 * scale) and quantised to int8 with one scale per row. A first pass over the codes gives each row
 * an estimate and a rigorous bound on its distance from the exact score; only rows whose upper
 * bound reaches the k-th best lower bound can be in the exact top-k, and only those are re-scored
 * with {@link FlatIndex#score}. Results equal {@link FlatIndex}'s. Immutable.
 */
public final class QuantizedIndex implements ExactSearch {

  private final FlatIndex exact;
  private final int dim;
  private final byte[] codes;
  private final float[] scales;
  private final float[] slacks;
  private final float[] noSlacks;
  private final double[] mean;
  private final Rotation rotation;
  private final String path;

  public QuantizedIndex(FlatIndex exact) {
    this(exact, true, true);
  }

  /** Centring and rotation can be switched off, to measure what each is worth. */
  public QuantizedIndex(FlatIndex exact, boolean centre, boolean rotate) {
    this.exact = exact;
    this.dim = exact.dimension();
    var padded = Math.ceilDiv(exact.size(), BLOCK) * BLOCK;
    // The widest vector load may read past the last block; 64 bytes cover every shape.
    this.codes = new byte[padded * dim + 64];
    this.scales = new float[padded];
    this.slacks = new float[padded];
    // Padding rows are never selected (a NaN bound compares false), should a scan reach them.
    Arrays.fill(slacks, Float.NaN);
    // A selection's second bound is zero for this pass: zero slacks keep it zero (0 * inf is NaN).
    this.noSlacks = new float[padded];
    this.mean = centre ? mean(exact) : new double[dim];
    this.rotation = rotate ? new Rotation(dim, 0x5EEDL + dim) : null;
    this.path = "int8" + (centre ? "-centred" : "") + (rotate ? "-rotated" : "") + "+f32-rerank";
    var quantiser = new RowQuantiser(dim, norm(mean));
    for (var row = 0; row < exact.size(); row++) {
      quantise(quantiser, row);
    }
  }

  private void quantise(RowQuantiser quantiser, int row) {
    var data = exact.data();
    var centred = new double[dim];
    for (var j = 0; j < dim; j++) {
      centred[j] = data[row * dim + j] - mean[j];
    }
    var rotated = rotation == null ? centred : rotation.apply(centred);
    var rowCodes = new byte[dim];
    var result = quantiser.quantise(rotated, norm(data, row * dim, dim), norm(centred), rowCodes);
    scales[row] = result.scale();
    slacks[row] = result.slack();
    var at = row / BLOCK * BLOCK * dim + row % BLOCK;
    for (var j = 0; j < dim; j++) {
      codes[at + j * BLOCK] = rowCodes[j];
    }
  }

  private static double[] mean(FlatIndex index) {
    var sum = new double[index.dimension()];
    var data = index.data();
    for (var i = 0; i < data.length; i++) {
      sum[i % sum.length] += data[i];
    }
    for (var j = 0; j < sum.length; j++) {
      sum[j] /= Math.max(1, index.size());
    }
    return sum;
  }

  @Override
  public int size() {
    return exact.size();
  }

  @Override
  public String path() {
    return path;
  }

  @Override
  public QuantizedScan scan(float[][] queries, int[] ks) {
    return new QuantizedScan(this, queries, ks);
  }

  /** How many rows each query re-ranks: what the first pass failed to prune. */
  public int[] survivors(float[][] queries, int k) {
    var ks = new int[queries.length];
    Arrays.fill(ks, k);
    var scan = scan(queries, ks);
    var parts = java.util.Collections.singletonList(scan.scan(0, size()));
    var counts = new int[queries.length];
    for (var q = 0; q < queries.length; q++) {
      counts[q] = Candidates.survivors(parts, q).length;
    }
    return counts;
  }

  FlatIndex exact() {
    return exact;
  }

  int dimension() {
    return dim;
  }

  byte[] codes() {
    return codes;
  }

  float[] scales() {
    return scales;
  }

  float[] slacks() {
    return slacks;
  }

  float[] noSlacks() {
    return noSlacks;
  }

  double[] mean() {
    return mean;
  }

  /** The query in the codes' space: {@code T q}, rounded to float. */
  float[] rotate(float[] query) {
    return rotate(rotation, query);
  }

  static float[] rotate(Rotation rotation, float[] query) {
    var q = new double[query.length];
    for (var j = 0; j < q.length; j++) {
      q[j] = query[j];
    }
    var rotated = rotation == null ? q : rotation.apply(q);
    var result = new float[q.length];
    for (var j = 0; j < q.length; j++) {
      result[j] = (float) rotated[j];
    }
    return result;
  }

  /** The same codes, row after row: what a pass over scattered rows reads. */
  RowCodes rowCodes() {
    return new RowCodes(codes, java.util.Arrays.copyOf(scales, size()), slacks, dim, rotation);
  }

  static double norm(double[] vector) {
    var sum = 0.0;
    for (var v : vector) {
      sum += v * v;
    }
    return Math.sqrt(sum);
  }

  static double norm(float[] vector, int offset, int length) {
    var sum = 0.0;
    for (var j = offset; j < offset + length; j++) {
      sum += (double) vector[j] * vector[j];
    }
    return Math.sqrt(sum);
  }
}
