package dev.lmi.handler.similarity;

import static dev.lmi.handler.similarity.DotKernel.BLOCK;
import static dev.lmi.handler.similarity.VectorCodeKernel.widen;
import static dev.lmi.handler.similarity.VectorDotKernel.FLOATS;
import static dev.lmi.handler.similarity.VectorDotKernel.LANES;

import jdk.incubator.vector.FloatVector;

/**
 * The many-query tile the handler used before {@link VectorCodeTile}: three units by a group of
 * eight queries (or its first four), the same 24 accumulators. Kept for {@link TileShapeBench}: the
 * JIT holds one of its accumulators on the stack (a load and a store every step), which four by six
 * avoids.
 */
final class EightQueryTile {

  static final int GROUP = 8;

  private EightQueryTile() {}

  private static int unitOffset(int unit, int dim) {
    var perBlock = VectorCodeKernel.UNITS_PER_BLOCK;
    return VectorCodeKernel.offset(unit / perBlock, unit % perBlock, dim);
  }

  /** Blocks {@code [0, blocks)}, a multiple of three units, for every query. */
  static void dots(
      byte[] codes, int dim, int blocks, float[] interleaved, int count, float[][] out) {
    var units = blocks * BLOCK / LANES;
    for (var unit = 0; unit + 3 <= units; unit += 3) {
      var o0 = unitOffset(unit, dim);
      var o1 = unitOffset(unit + 1, dim);
      var o2 = unitOffset(unit + 2, dim);
      for (var q = 0; q < count; q += GROUP) {
        tile(
            codes,
            dim,
            o0,
            o1,
            o2,
            interleaved,
            count,
            q,
            out,
            unit * LANES,
            count - q > GROUP / 2);
      }
    }
  }

  /**
   * Units at offsets {@code o0, o1, o2} against the interleaved group of queries {@code [first,
   * first + 8)}, or its first four unless {@code wide}; past {@code count} the last query is
   * repeated, and its scores written again.
   */
  static void tile(
      byte[] codes,
      int dim,
      int o0,
      int o1,
      int o2,
      float[] interleaved,
      int count,
      int first,
      float[][] out,
      int at,
      boolean wide) {
    var group = first * dim;
    var a0 = FloatVector.zero(FLOATS);
    var a1 = FloatVector.zero(FLOATS);
    var a2 = FloatVector.zero(FLOATS);
    var a3 = FloatVector.zero(FLOATS);
    var a4 = FloatVector.zero(FLOATS);
    var a5 = FloatVector.zero(FLOATS);
    var a6 = FloatVector.zero(FLOATS);
    var a7 = FloatVector.zero(FLOATS);
    var b0 = FloatVector.zero(FLOATS);
    var b1 = FloatVector.zero(FLOATS);
    var b2 = FloatVector.zero(FLOATS);
    var b3 = FloatVector.zero(FLOATS);
    var b4 = FloatVector.zero(FLOATS);
    var b5 = FloatVector.zero(FLOATS);
    var b6 = FloatVector.zero(FLOATS);
    var b7 = FloatVector.zero(FLOATS);
    var c0 = FloatVector.zero(FLOATS);
    var c1 = FloatVector.zero(FLOATS);
    var c2 = FloatVector.zero(FLOATS);
    var c3 = FloatVector.zero(FLOATS);
    var c4 = FloatVector.zero(FLOATS);
    var c5 = FloatVector.zero(FLOATS);
    var c6 = FloatVector.zero(FLOATS);
    var c7 = FloatVector.zero(FLOATS);
    for (var j = 0; j < dim; j++) {
      var x = widen(codes, o0 + j * BLOCK);
      var y = widen(codes, o1 + j * BLOCK);
      var z = widen(codes, o2 + j * BLOCK);
      var g = group + j * GROUP;
      var q0 = FloatVector.broadcast(FLOATS, interleaved[g]);
      a0 = x.fma(q0, a0);
      b0 = y.fma(q0, b0);
      c0 = z.fma(q0, c0);
      var q1 = FloatVector.broadcast(FLOATS, interleaved[g + 1]);
      a1 = x.fma(q1, a1);
      b1 = y.fma(q1, b1);
      c1 = z.fma(q1, c1);
      var q2 = FloatVector.broadcast(FLOATS, interleaved[g + 2]);
      a2 = x.fma(q2, a2);
      b2 = y.fma(q2, b2);
      c2 = z.fma(q2, c2);
      var q3 = FloatVector.broadcast(FLOATS, interleaved[g + 3]);
      a3 = x.fma(q3, a3);
      b3 = y.fma(q3, b3);
      c3 = z.fma(q3, c3);
      if (wide) {
        var q4 = FloatVector.broadcast(FLOATS, interleaved[g + 4]);
        a4 = x.fma(q4, a4);
        b4 = y.fma(q4, b4);
        c4 = z.fma(q4, c4);
        var q5 = FloatVector.broadcast(FLOATS, interleaved[g + 5]);
        a5 = x.fma(q5, a5);
        b5 = y.fma(q5, b5);
        c5 = z.fma(q5, c5);
        var q6 = FloatVector.broadcast(FLOATS, interleaved[g + 6]);
        a6 = x.fma(q6, a6);
        b6 = y.fma(q6, b6);
        c6 = z.fma(q6, c6);
        var q7 = FloatVector.broadcast(FLOATS, interleaved[g + 7]);
        a7 = x.fma(q7, a7);
        b7 = y.fma(q7, b7);
        c7 = z.fma(q7, c7);
      }
    }
    // Narrow, the second half holds zeros for rows past count, which map to the last query: written
    // first, they are overwritten by the first half's true scores.
    var last = count - 1;
    var r4 = out[Math.min(first + 4, last)];
    a4.intoArray(r4, at);
    b4.intoArray(r4, at + LANES);
    c4.intoArray(r4, at + 2 * LANES);
    var r5 = out[Math.min(first + 5, last)];
    a5.intoArray(r5, at);
    b5.intoArray(r5, at + LANES);
    c5.intoArray(r5, at + 2 * LANES);
    var r6 = out[Math.min(first + 6, last)];
    a6.intoArray(r6, at);
    b6.intoArray(r6, at + LANES);
    c6.intoArray(r6, at + 2 * LANES);
    var r7 = out[Math.min(first + 7, last)];
    a7.intoArray(r7, at);
    b7.intoArray(r7, at + LANES);
    c7.intoArray(r7, at + 2 * LANES);
    var r0 = out[first];
    a0.intoArray(r0, at);
    b0.intoArray(r0, at + LANES);
    c0.intoArray(r0, at + 2 * LANES);
    var r1 = out[Math.min(first + 1, last)];
    a1.intoArray(r1, at);
    b1.intoArray(r1, at + LANES);
    c1.intoArray(r1, at + 2 * LANES);
    var r2 = out[Math.min(first + 2, last)];
    a2.intoArray(r2, at);
    b2.intoArray(r2, at + LANES);
    c2.intoArray(r2, at + 2 * LANES);
    var r3 = out[Math.min(first + 3, last)];
    a3.intoArray(r3, at);
    b3.intoArray(r3, at + LANES);
    c3.intoArray(r3, at + 2 * LANES);
  }
}
