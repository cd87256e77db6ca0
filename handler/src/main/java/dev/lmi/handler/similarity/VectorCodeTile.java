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
   * Queries {@code [first, first + 8)}; past {@code count} the last query is repeated, and its
   * scores are written again, identically.
   */
  static void tile(
      byte[] codes,
      int dim,
      int o0,
      int o1,
      float[][] queries,
      int count,
      int first,
      float[][] out,
      int at) {
    var last = count - 1;
    var q0 = queries[first];
    var q1 = queries[Math.min(first + 1, last)];
    var q2 = queries[Math.min(first + 2, last)];
    var q3 = queries[Math.min(first + 3, last)];
    var q4 = queries[Math.min(first + 4, last)];
    var q5 = queries[Math.min(first + 5, last)];
    var q6 = queries[Math.min(first + 6, last)];
    var q7 = queries[Math.min(first + 7, last)];
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
      var q = FloatVector.broadcast(FLOATS, q0[j]);
      a0 = x.fma(q, a0);
      b0 = y.fma(q, b0);
      q = FloatVector.broadcast(FLOATS, q1[j]);
      a1 = x.fma(q, a1);
      b1 = y.fma(q, b1);
      q = FloatVector.broadcast(FLOATS, q2[j]);
      a2 = x.fma(q, a2);
      b2 = y.fma(q, b2);
      q = FloatVector.broadcast(FLOATS, q3[j]);
      a3 = x.fma(q, a3);
      b3 = y.fma(q, b3);
      q = FloatVector.broadcast(FLOATS, q4[j]);
      a4 = x.fma(q, a4);
      b4 = y.fma(q, b4);
      q = FloatVector.broadcast(FLOATS, q5[j]);
      a5 = x.fma(q, a5);
      b5 = y.fma(q, b5);
      q = FloatVector.broadcast(FLOATS, q6[j]);
      a6 = x.fma(q, a6);
      b6 = y.fma(q, b6);
      q = FloatVector.broadcast(FLOATS, q7[j]);
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
