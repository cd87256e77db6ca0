package dev.lmi.handler.similarity;

import static dev.lmi.handler.similarity.DotKernel.BLOCK;

/**
 * A {@link QuantizedIndex}'s int8 codes laid out for the int16 first pass, and each row's scaled
 * code norm {@code s|c|} (rounded up), which bounds what a quantised query loses ({@link
 * QueryCodes}). Within a block of {@link DotKernel#BLOCK} rows, pair {@code p} of dimensions {@code
 * (2p, 2p + 1)} of row {@code r} sits at {@code block * BLOCK * 2 * pairs + p * 2 * BLOCK + 2r}, so
 * one 32-byte load widens to 32 int16 lanes that a broadcast pair of query codes multiplies whole,
 * and adjacent lanes sum to one row's dot product. Immutable.
 */
final class PairCodes {

  private final byte[] codes;
  private final float[] norms;
  private final int pairs;

  PairCodes(byte[] blocked, float[] norms, int dim) {
    this.pairs = pairs(dim);
    this.norms = norms;
    var blocks = norms.length / BLOCK;
    // The widest vector load may read past the last block; 64 bytes cover every shape.
    this.codes = new byte[blocks * BLOCK * 2 * pairs + 64];
    for (var block = 0; block < blocks; block++) {
      for (var j = 0; j < dim; j++) {
        var from = (block * dim + j) * BLOCK;
        var to = block * BLOCK * 2 * pairs + j / 2 * 2 * BLOCK + j % 2;
        for (var r = 0; r < BLOCK; r++) {
          codes[to + 2 * r] = blocked[from + r];
        }
      }
    }
  }

  /** Pairs of dimensions: an odd last dimension is paired with a zero code. */
  static int pairs(int dim) {
    return (dim + 1) / 2;
  }

  byte[] codes() {
    return codes;
  }

  int pairs() {
    return pairs;
  }

  /** Per row, at least {@code s|c|}; zero for padding rows. */
  float[] norms() {
    return norms;
  }
}
