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
  private static final int UNITS_PER_BLOCK = BLOCK / LANES;

  /** Extra bytes a code array needs after its last block for the widest load. */
  static final int PADDING = BYTES.length();

  private VectorCodeKernel() {}

  static void codeDots(
      byte[] codes, int dim, int fromBlock, int toBlock, float[] query, float[] out) {
    var first = fromBlock * UNITS_PER_BLOCK;
    var end = toBlock * UNITS_PER_BLOCK;
    var unit = first;
    // Four units in flight hide the FMA latency of each unit's chain.
    for (; unit + 4 <= end; unit += 4) {
      four(codes, dim, unit, query, out, (unit - first) * LANES);
    }
    for (; unit < end; unit++) {
      one(codes, dim, unit, query, out, (unit - first) * LANES);
    }
  }

  private static void four(byte[] codes, int dim, int unit, float[] query, float[] out, int at) {
    var o0 = offset(unit, dim);
    var o1 = offset(unit + 1, dim);
    var o2 = offset(unit + 2, dim);
    var o3 = offset(unit + 3, dim);
    var a0 = FloatVector.zero(FLOATS);
    var a1 = a0;
    var a2 = a0;
    var a3 = a0;
    for (var j = 0; j < dim; j++) {
      var q = FloatVector.broadcast(FLOATS, query[j]);
      var step = j * BLOCK;
      a0 = widen(codes, o0 + step).fma(q, a0);
      a1 = widen(codes, o1 + step).fma(q, a1);
      a2 = widen(codes, o2 + step).fma(q, a2);
      a3 = widen(codes, o3 + step).fma(q, a3);
    }
    a0.intoArray(out, at);
    a1.intoArray(out, at + LANES);
    a2.intoArray(out, at + 2 * LANES);
    a3.intoArray(out, at + 3 * LANES);
  }

  private static void one(byte[] codes, int dim, int unit, float[] query, float[] out, int at) {
    var o = offset(unit, dim);
    var acc = FloatVector.zero(FLOATS);
    for (var j = 0; j < dim; j++) {
      acc = widen(codes, o + j * BLOCK).fma(FloatVector.broadcast(FLOATS, query[j]), acc);
    }
    acc.intoArray(out, at);
  }

  /**
   * Three units by a group of eight queries per tile ({@link VectorCodeTile}), or by four when the
   * last group holds four or fewer ({@link VectorCodeHalfTile}).
   */
  static void codeDots(
      byte[] codes,
      int dim,
      int fromBlock,
      int toBlock,
      float[] interleaved,
      int count,
      float[][] out) {
    var first = fromBlock * UNITS_PER_BLOCK;
    var end = toBlock * UNITS_PER_BLOCK;
    var unit = first;
    for (; unit + 3 <= end; unit += 3) {
      var o0 = offset(unit, dim);
      var o1 = offset(unit + 1, dim);
      var o2 = offset(unit + 2, dim);
      var at = (unit - first) * LANES;
      for (var q = 0; q < count; q += DotKernel.GROUP) {
        if (count - q <= DotKernel.GROUP / 2) {
          VectorCodeHalfTile.tile(codes, dim, o0, o1, o2, interleaved, count, q, out, at);
        } else {
          VectorCodeTile.tile(codes, dim, o0, o1, o2, interleaved, count, q, out, at);
        }
      }
    }
    if (unit < end) {
      leftover(codes, dim, unit, end, interleaved, count, out, (unit - first) * LANES);
    }
  }

  /** The last one or two units of a range, query by query. */
  private static void leftover(
      byte[] codes,
      int dim,
      int unit,
      int end,
      float[] interleaved,
      int count,
      float[][] out,
      int at) {
    var query = new float[dim];
    for (var q = 0; q < count; q++) {
      var base = q / DotKernel.GROUP * dim * DotKernel.GROUP + q % DotKernel.GROUP;
      for (var j = 0; j < dim; j++) {
        query[j] = interleaved[base + j * DotKernel.GROUP];
      }
      for (var u = unit; u < end; u++) {
        one(codes, dim, u, query, out[q], at + (u - unit) * LANES);
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

  static int offset(int unit, int dim) {
    return unit / UNITS_PER_BLOCK * BLOCK * dim + unit % UNITS_PER_BLOCK * LANES;
  }

  static FloatVector widen(byte[] codes, int offset) {
    return (FloatVector)
        ByteVector.fromArray(BYTES, codes, offset).convertShape(VectorOperators.B2F, FLOATS, 0);
  }
}
