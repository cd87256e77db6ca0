package dev.lmi.handler.similarity;

import static dev.lmi.handler.similarity.DotKernel.BLOCK;
import static dev.lmi.handler.similarity.VectorCodeKernel.widen;
import static dev.lmi.handler.similarity.VectorDotKernel.FLOATS;
import static dev.lmi.handler.similarity.VectorDotKernel.LANES;

import jdk.incubator.vector.FloatVector;

/**
 * The batch kernel's inner tile: two units of codes by eight queries, sixteen accumulators in
 * registers. Spelled out because the JIT keeps vectors in registers only as plain locals.
 */
final class VectorCodeTile {

  private VectorCodeTile() {}

  /**
   * The interleaved group of queries {@code [first, first + 8)}; past {@code count} the last query
   * is repeated, and its scores are written again, identically.
   */
  static void tile(
      byte[] codes,
      int dim,
      int o0,
      int o1,
      float[] interleaved,
      int count,
      int first,
      float[][] out,
      int at) {
    var last = count - 1;
    var at0 = first * dim;
    var a0 = FloatVector.zero(FLOATS);
    var a1 = a0;
    var a2 = a0;
    var a3 = a0;
    var a4 = a0;
    var a5 = a0;
    var a6 = a0;
    var a7 = a0;
    var b0 = a0;
    var b1 = a0;
    var b2 = a0;
    var b3 = a0;
    var b4 = a0;
    var b5 = a0;
    var b6 = a0;
    var b7 = a0;
    for (var j = 0; j < dim; j++) {
      var x = widen(codes, o0 + j * BLOCK);
      var y = widen(codes, o1 + j * BLOCK);
      var g = at0 + j * 8;
      var q = FloatVector.broadcast(FLOATS, interleaved[g]);
      a0 = x.fma(q, a0);
      b0 = y.fma(q, b0);
      q = FloatVector.broadcast(FLOATS, interleaved[g + 1]);
      a1 = x.fma(q, a1);
      b1 = y.fma(q, b1);
      q = FloatVector.broadcast(FLOATS, interleaved[g + 2]);
      a2 = x.fma(q, a2);
      b2 = y.fma(q, b2);
      q = FloatVector.broadcast(FLOATS, interleaved[g + 3]);
      a3 = x.fma(q, a3);
      b3 = y.fma(q, b3);
      q = FloatVector.broadcast(FLOATS, interleaved[g + 4]);
      a4 = x.fma(q, a4);
      b4 = y.fma(q, b4);
      q = FloatVector.broadcast(FLOATS, interleaved[g + 5]);
      a5 = x.fma(q, a5);
      b5 = y.fma(q, b5);
      q = FloatVector.broadcast(FLOATS, interleaved[g + 6]);
      a6 = x.fma(q, a6);
      b6 = y.fma(q, b6);
      q = FloatVector.broadcast(FLOATS, interleaved[g + 7]);
      a7 = x.fma(q, a7);
      b7 = y.fma(q, b7);
    }
    var r0 = out[first];
    a0.intoArray(r0, at);
    b0.intoArray(r0, at + LANES);
    var r1 = out[Math.min(first + 1, last)];
    a1.intoArray(r1, at);
    b1.intoArray(r1, at + LANES);
    var r2 = out[Math.min(first + 2, last)];
    a2.intoArray(r2, at);
    b2.intoArray(r2, at + LANES);
    var r3 = out[Math.min(first + 3, last)];
    a3.intoArray(r3, at);
    b3.intoArray(r3, at + LANES);
    var r4 = out[Math.min(first + 4, last)];
    a4.intoArray(r4, at);
    b4.intoArray(r4, at + LANES);
    var r5 = out[Math.min(first + 5, last)];
    a5.intoArray(r5, at);
    b5.intoArray(r5, at + LANES);
    var r6 = out[Math.min(first + 6, last)];
    a6.intoArray(r6, at);
    b6.intoArray(r6, at + LANES);
    var r7 = out[Math.min(first + 7, last)];
    a7.intoArray(r7, at);
    b7.intoArray(r7, at + LANES);
  }
}
