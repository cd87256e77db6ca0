package dev.lmi.handler.similarity;

import static dev.lmi.handler.similarity.DotKernel.BLOCK;
import static dev.lmi.handler.similarity.VectorCodeKernel.widen;
import static dev.lmi.handler.similarity.VectorDotKernel.FLOATS;
import static dev.lmi.handler.similarity.VectorDotKernel.LANES;

import jdk.incubator.vector.FloatVector;

/**
 * {@link VectorCodeTile} for the last group of a batch when it holds four queries or fewer: three
 * units by the group's first four queries, so a batch of 25 queries pays for 28, not 32.
 */
final class VectorCodeHalfTile {

  private VectorCodeHalfTile() {}

  /**
   * Units at offsets {@code o0, o1, o2} against queries {@code [first, first + 4)} of the
   * interleaved group that starts at {@code first}; past {@code count} the last query is repeated,
   * and its scores written again.
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
      int at) {
    var group = first * dim;
    var a0 = FloatVector.zero(FLOATS);
    var a1 = a0;
    var a2 = a0;
    var a3 = a0;
    var b0 = a0;
    var b1 = a0;
    var b2 = a0;
    var b3 = a0;
    var c0 = a0;
    var c1 = a0;
    var c2 = a0;
    var c3 = a0;
    for (var j = 0; j < dim; j++) {
      var x = widen(codes, o0 + j * BLOCK);
      var y = widen(codes, o1 + j * BLOCK);
      var z = widen(codes, o2 + j * BLOCK);
      var g = group + j * DotKernel.GROUP;
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
    }
    var last = count - 1;
    store(out[first], at, a0, b0, c0);
    store(out[Math.min(first + 1, last)], at, a1, b1, c1);
    store(out[Math.min(first + 2, last)], at, a2, b2, c2);
    store(out[Math.min(first + 3, last)], at, a3, b3, c3);
  }

  private static void store(float[] row, int at, FloatVector a, FloatVector b, FloatVector c) {
    a.intoArray(row, at);
    b.intoArray(row, at + LANES);
    c.intoArray(row, at + 2 * LANES);
  }
}
