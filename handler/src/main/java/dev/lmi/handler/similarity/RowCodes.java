package dev.lmi.handler.similarity;

import static dev.lmi.handler.similarity.DotKernel.BLOCK;

/**
 * A {@link QuantizedIndex}'s codes, scales and slacks laid out row after row, for a pass that reads
 * scattered rows: the rows a first pass could not rule out. Immutable.
 */
final class RowCodes {

  private final byte[] codes;
  private final float[] scales;
  private final float[] slacks;
  private final int dim;
  private final Rotation rotation;

  RowCodes(byte[] blocked, float[] scales, float[] slacks, int dim, Rotation rotation) {
    var rows = scales.length;
    // The widest vector load may read past the last row; 64 bytes cover every shape.
    this.codes = new byte[rows * dim + 64];
    for (var row = 0; row < rows; row++) {
      var at = row / BLOCK * BLOCK * dim + row % BLOCK;
      for (var j = 0; j < dim; j++) {
        codes[row * dim + j] = blocked[at + j * BLOCK];
      }
    }
    this.scales = scales;
    this.slacks = slacks;
    this.dim = dim;
    this.rotation = rotation;
  }

  /**
   * The row's estimate {@code base + scale * (codes . rotated)} and, per unit of query norm, the
   * slack of {@link RowQuantiser}: {@code |exact - estimate| <= |q| * slack(row)}.
   */
  float estimate(DotKernel kernel, int row, float[] rotated, float base) {
    return Math.fma(scales[row], kernel.codeDot(codes, row * dim, dim, rotated), base);
  }

  float slack(int row) {
    return slacks[row];
  }

  float[] rotate(float[] query) {
    return QuantizedIndex.rotate(rotation, query);
  }
}
