package dev.lmi.handler.similarity;

import static dev.lmi.handler.similarity.DotKernel.BLOCK;
import static dev.lmi.handler.similarity.VectorDotKernel.FLOATS;
import static dev.lmi.handler.similarity.VectorDotKernel.LANES;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * Int8 scans over block-interleaved codes. A "unit" is {@code LANES} rows of one block: one vector
 * per dimension, widened from bytes and multiplied by the query's broadcast value, so a unit's
 * scores build up lane by lane with no horizontal sums.
 */
final class VectorCodeKernel {

  // Byte vectors are at least 64 bits; with 4 float lanes the upper half is loaded and unused.
  private static final VectorSpecies<Byte> BYTES =
      ByteVector.SPECIES_PREFERRED.withShape(VectorShape.forBitSize(Math.max(64, LANES * 8)));
  static final int UNITS_PER_BLOCK = BLOCK / LANES;

  /** Extra bytes a code array needs after its last block for the widest load. */
  static final int PADDING = BYTES.length();

  private VectorCodeKernel() {}

  static void codeDots(
      byte[] codes, int dim, int fromBlock, int toBlock, float[] query, float[] out) {
    // Four units in flight hide the FMA latency of each unit's chain; a block holds a multiple of
    // four units (checked by VectorDotKernel), so no unit is left over.
    for (var block = fromBlock; block < toBlock; block++) {
      for (var unit = 0; unit < UNITS_PER_BLOCK; unit += 4) {
        four(
            codes,
            dim,
            offset(block, unit, dim),
            query,
            out,
            ((block - fromBlock) * BLOCK) + unit * LANES);
      }
    }
  }

  /** Four consecutive units of one block, from {@code o}: one cache line per dimension. */
  private static void four(byte[] codes, int dim, int o, float[] query, float[] out, int at) {
    var a0 = FloatVector.zero(FLOATS);
    var a1 = a0;
    var a2 = a0;
    var a3 = a0;
    for (var j = 0; j < dim; j++) {
      var q = FloatVector.broadcast(FLOATS, query[j]);
      var step = o + j * BLOCK;
      a0 = widen(codes, step).fma(q, a0);
      a1 = widen(codes, step + LANES).fma(q, a1);
      a2 = widen(codes, step + 2 * LANES).fma(q, a2);
      a3 = widen(codes, step + 3 * LANES).fma(q, a3);
    }
    a0.intoArray(out, at);
    a1.intoArray(out, at + LANES);
    a2.intoArray(out, at + 2 * LANES);
    a3.intoArray(out, at + 3 * LANES);
  }

  /**
   * Four units by a group of six queries per tile ({@link VectorCodeTile}), or by four when the
   * last group holds four or fewer, so a batch pays for at most two queries it does not have.
   */
  static void codeDots(
      byte[] codes,
      int dim,
      int fromBlock,
      int toBlock,
      float[] interleaved,
      int count,
      float[][] out) {
    for (var block = fromBlock; block < toBlock; block++) {
      for (var unit = 0; unit < UNITS_PER_BLOCK; unit += 4) {
        var o = offset(block, unit, dim);
        var at = (block - fromBlock) * BLOCK + unit * LANES;
        for (var q = 0; q < count; q += DotKernel.GROUP) {
          if (count - q > VectorCodeTile.NARROW) {
            VectorCodeTile.wide(codes, dim, o, interleaved, count, q, out, at);
          } else {
            VectorCodeTile.narrow(codes, dim, o, interleaved, count, q, out, at);
          }
        }
      }
    }
  }

  /** Row-major codes: four accumulators over strided chunks, then the lanes in any order. */
  static float codeDot(byte[] codes, int offset, int length, float[] query) {
    var a0 = FloatVector.zero(FLOATS);
    var a1 = a0;
    var a2 = a0;
    var a3 = a0;
    var j = 0;
    for (; j + 4 * LANES <= length; j += 4 * LANES) {
      var o = offset + j;
      a0 = widen(codes, o).fma(FloatVector.fromArray(FLOATS, query, j), a0);
      a1 = widen(codes, o + LANES).fma(FloatVector.fromArray(FLOATS, query, j + LANES), a1);
      a2 = widen(codes, o + 2 * LANES).fma(FloatVector.fromArray(FLOATS, query, j + 2 * LANES), a2);
      a3 = widen(codes, o + 3 * LANES).fma(FloatVector.fromArray(FLOATS, query, j + 3 * LANES), a3);
    }
    for (; j + LANES <= length; j += LANES) {
      a0 = widen(codes, offset + j).fma(FloatVector.fromArray(FLOATS, query, j), a0);
    }
    var sum = a0.add(a1).add(a2.add(a3)).reduceLanes(VectorOperators.ADD);
    for (; j < length; j++) {
      sum += codes[offset + j] * query[j];
    }
    return sum;
  }

  /**
   * Where unit {@code unit} of block {@code block} starts: its first row's code for dimension 0.
   */
  static int offset(int block, int unit, int dim) {
    return block * BLOCK * dim + unit * LANES;
  }

  static FloatVector widen(byte[] codes, int offset) {
    return (FloatVector)
        ByteVector.fromArray(BYTES, codes, offset).convertShape(VectorOperators.B2F, FLOATS, 0);
  }
}
