package dev.lmi.handler.similarity;

import static dev.lmi.handler.similarity.DotKernel.BLOCK;
import static dev.lmi.handler.similarity.VectorCodeKernel.widen;
import static dev.lmi.handler.similarity.VectorDotKernel.FLOATS;
import static dev.lmi.handler.similarity.VectorDotKernel.LANES;

import jdk.incubator.vector.FloatVector;

/**
 * The many-query kernel's inner tiles: four units of codes by a group of six queries, 24
 * accumulators in registers (of 32), each widened load feeding six FMAs and each broadcast four;
 * and four units by four queries for the last group of a batch when it holds four or fewer. The
 * four units of a step are one cache line at one offset: with three units by eight queries and an
 * offset per unit, the JIT kept an accumulator on the stack (docs/benchmarks.md). Spelled out
 * because the JIT keeps vectors in registers only as plain locals; one method per width because one
 * method with a width flag, as fast alone (TileShapeBench), cost 0.96 ms of CPU per query at 32
 * callers on gaussian against 0.82 with two.
 */
final class VectorCodeTile {

  /** Queries the narrow tile scores. */
  static final int NARROW = 4;

  private VectorCodeTile() {}

  /**
   * The four units from offset {@code o} (one cache line a dimension) against the interleaved group
   * of queries {@code [first, first + 6)}; past {@code count} the last query is repeated, and its
   * scores written again (in descending order, so its true scores come last).
   */
  static void wide(
      byte[] codes,
      int dim,
      int o,
      float[] interleaved,
      int count,
      int first,
      float[][] out,
      int at) {
    var group = first * dim;
    var a0 = FloatVector.zero(FLOATS);
    var a1 = FloatVector.zero(FLOATS);
    var a2 = FloatVector.zero(FLOATS);
    var a3 = FloatVector.zero(FLOATS);
    var a4 = FloatVector.zero(FLOATS);
    var a5 = FloatVector.zero(FLOATS);
    var b0 = FloatVector.zero(FLOATS);
    var b1 = FloatVector.zero(FLOATS);
    var b2 = FloatVector.zero(FLOATS);
    var b3 = FloatVector.zero(FLOATS);
    var b4 = FloatVector.zero(FLOATS);
    var b5 = FloatVector.zero(FLOATS);
    var c0 = FloatVector.zero(FLOATS);
    var c1 = FloatVector.zero(FLOATS);
    var c2 = FloatVector.zero(FLOATS);
    var c3 = FloatVector.zero(FLOATS);
    var c4 = FloatVector.zero(FLOATS);
    var c5 = FloatVector.zero(FLOATS);
    var d0 = FloatVector.zero(FLOATS);
    var d1 = FloatVector.zero(FLOATS);
    var d2 = FloatVector.zero(FLOATS);
    var d3 = FloatVector.zero(FLOATS);
    var d4 = FloatVector.zero(FLOATS);
    var d5 = FloatVector.zero(FLOATS);
    for (var j = 0; j < dim; j++) {
      var w = widen(codes, o + j * BLOCK);
      var x = widen(codes, o + j * BLOCK + LANES);
      var y = widen(codes, o + j * BLOCK + 2 * LANES);
      var z = widen(codes, o + j * BLOCK + 3 * LANES);
      var g = group + j * DotKernel.GROUP;
      var q0 = FloatVector.broadcast(FLOATS, interleaved[g]);
      a0 = w.fma(q0, a0);
      b0 = x.fma(q0, b0);
      c0 = y.fma(q0, c0);
      d0 = z.fma(q0, d0);
      var q1 = FloatVector.broadcast(FLOATS, interleaved[g + 1]);
      a1 = w.fma(q1, a1);
      b1 = x.fma(q1, b1);
      c1 = y.fma(q1, c1);
      d1 = z.fma(q1, d1);
      var q2 = FloatVector.broadcast(FLOATS, interleaved[g + 2]);
      a2 = w.fma(q2, a2);
      b2 = x.fma(q2, b2);
      c2 = y.fma(q2, c2);
      d2 = z.fma(q2, d2);
      var q3 = FloatVector.broadcast(FLOATS, interleaved[g + 3]);
      a3 = w.fma(q3, a3);
      b3 = x.fma(q3, b3);
      c3 = y.fma(q3, c3);
      d3 = z.fma(q3, d3);
      var q4 = FloatVector.broadcast(FLOATS, interleaved[g + 4]);
      a4 = w.fma(q4, a4);
      b4 = x.fma(q4, b4);
      c4 = y.fma(q4, c4);
      d4 = z.fma(q4, d4);
      var q5 = FloatVector.broadcast(FLOATS, interleaved[g + 5]);
      a5 = w.fma(q5, a5);
      b5 = x.fma(q5, b5);
      c5 = y.fma(q5, c5);
      d5 = z.fma(q5, d5);
    }
    var last = count - 1;
    var r5 = out[Math.min(first + 5, last)];
    a5.intoArray(r5, at);
    b5.intoArray(r5, at + LANES);
    c5.intoArray(r5, at + 2 * LANES);
    d5.intoArray(r5, at + 3 * LANES);
    var r4 = out[Math.min(first + 4, last)];
    a4.intoArray(r4, at);
    b4.intoArray(r4, at + LANES);
    c4.intoArray(r4, at + 2 * LANES);
    d4.intoArray(r4, at + 3 * LANES);
    var r3 = out[Math.min(first + 3, last)];
    a3.intoArray(r3, at);
    b3.intoArray(r3, at + LANES);
    c3.intoArray(r3, at + 2 * LANES);
    d3.intoArray(r3, at + 3 * LANES);
    var r2 = out[Math.min(first + 2, last)];
    a2.intoArray(r2, at);
    b2.intoArray(r2, at + LANES);
    c2.intoArray(r2, at + 2 * LANES);
    d2.intoArray(r2, at + 3 * LANES);
    var r1 = out[Math.min(first + 1, last)];
    a1.intoArray(r1, at);
    b1.intoArray(r1, at + LANES);
    c1.intoArray(r1, at + 2 * LANES);
    d1.intoArray(r1, at + 3 * LANES);
    var r0 = out[first];
    a0.intoArray(r0, at);
    b0.intoArray(r0, at + LANES);
    c0.intoArray(r0, at + 2 * LANES);
    d0.intoArray(r0, at + 3 * LANES);
  }

  /** The same for the group's first four queries. */
  static void narrow(
      byte[] codes,
      int dim,
      int o,
      float[] interleaved,
      int count,
      int first,
      float[][] out,
      int at) {
    var group = first * dim;
    var a0 = FloatVector.zero(FLOATS);
    var a1 = FloatVector.zero(FLOATS);
    var a2 = FloatVector.zero(FLOATS);
    var a3 = FloatVector.zero(FLOATS);
    var b0 = FloatVector.zero(FLOATS);
    var b1 = FloatVector.zero(FLOATS);
    var b2 = FloatVector.zero(FLOATS);
    var b3 = FloatVector.zero(FLOATS);
    var c0 = FloatVector.zero(FLOATS);
    var c1 = FloatVector.zero(FLOATS);
    var c2 = FloatVector.zero(FLOATS);
    var c3 = FloatVector.zero(FLOATS);
    var d0 = FloatVector.zero(FLOATS);
    var d1 = FloatVector.zero(FLOATS);
    var d2 = FloatVector.zero(FLOATS);
    var d3 = FloatVector.zero(FLOATS);
    for (var j = 0; j < dim; j++) {
      var w = widen(codes, o + j * BLOCK);
      var x = widen(codes, o + j * BLOCK + LANES);
      var y = widen(codes, o + j * BLOCK + 2 * LANES);
      var z = widen(codes, o + j * BLOCK + 3 * LANES);
      var g = group + j * DotKernel.GROUP;
      var q0 = FloatVector.broadcast(FLOATS, interleaved[g]);
      a0 = w.fma(q0, a0);
      b0 = x.fma(q0, b0);
      c0 = y.fma(q0, c0);
      d0 = z.fma(q0, d0);
      var q1 = FloatVector.broadcast(FLOATS, interleaved[g + 1]);
      a1 = w.fma(q1, a1);
      b1 = x.fma(q1, b1);
      c1 = y.fma(q1, c1);
      d1 = z.fma(q1, d1);
      var q2 = FloatVector.broadcast(FLOATS, interleaved[g + 2]);
      a2 = w.fma(q2, a2);
      b2 = x.fma(q2, b2);
      c2 = y.fma(q2, c2);
      d2 = z.fma(q2, d2);
      var q3 = FloatVector.broadcast(FLOATS, interleaved[g + 3]);
      a3 = w.fma(q3, a3);
      b3 = x.fma(q3, b3);
      c3 = y.fma(q3, c3);
      d3 = z.fma(q3, d3);
    }
    var last = count - 1;
    var r3 = out[Math.min(first + 3, last)];
    a3.intoArray(r3, at);
    b3.intoArray(r3, at + LANES);
    c3.intoArray(r3, at + 2 * LANES);
    d3.intoArray(r3, at + 3 * LANES);
    var r2 = out[Math.min(first + 2, last)];
    a2.intoArray(r2, at);
    b2.intoArray(r2, at + LANES);
    c2.intoArray(r2, at + 2 * LANES);
    d2.intoArray(r2, at + 3 * LANES);
    var r1 = out[Math.min(first + 1, last)];
    a1.intoArray(r1, at);
    b1.intoArray(r1, at + LANES);
    c1.intoArray(r1, at + 2 * LANES);
    d1.intoArray(r1, at + 3 * LANES);
    var r0 = out[first];
    a0.intoArray(r0, at);
    b0.intoArray(r0, at + LANES);
    c0.intoArray(r0, at + 2 * LANES);
    d0.intoArray(r0, at + 3 * LANES);
  }
}
