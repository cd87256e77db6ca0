package dev.lmi.handler.similarity;

/**
 * Stage two of a {@link PrefixIndex} for a set of queries: a row's estimate from the full rotated
 * int8 codes ({@link RowCodes}) and its bound, {@code |q| * slack(row)}. Immutable.
 */
final class StageTwo {

  private final RowCodes codes;
  private final DotKernel kernel;
  private final float[][] rotated;
  private final float[] bases;
  private final float[] bounds;

  StageTwo(PrefixIndex index, float[][] queries, float[] bases) {
    this.codes = index.full();
    this.kernel = index.exact().kernel();
    this.bases = bases;
    this.rotated = new float[queries.length][];
    this.bounds = new float[queries.length];
    for (var q = 0; q < queries.length; q++) {
      rotated[q] = codes.rotate(queries[q]);
      // Slacks are per unit of query norm; the floor keeps the underflow allowance meaningful.
      var norm = QuantizedIndex.norm(queries[q], 0, queries[q].length) * 1.0001;
      bounds[q] = Math.nextUp((float) Math.max(norm, 0x1p-60));
    }
  }

  float estimate(int q, int row) {
    return codes.estimate(kernel, row, rotated[q], bases[q]);
  }

  float bound(int q, int row) {
    return bounds[q] * codes.slack(row);
  }

  float lower(int q, int row) {
    return estimate(q, row) - bound(q, row);
  }
}
