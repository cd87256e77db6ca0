package dev.lmi.handler.similarity;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * SIMD kernels on the Vector API. Only loaded by {@link DotKernels} when the JVM runs with {@code
 * --add-modules jdk.incubator.vector}; the int8 scans are in {@link VectorCodeKernel}.
 */
final class VectorDotKernel implements DotKernel {

  static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;
  static final int LANES = FLOATS.length();

  VectorDotKernel() {
    if (LANES < 4 || BLOCK % LANES != 0) {
      throw new IllegalStateException("no usable float vector shape: " + FLOATS);
    }
  }

  /** One accumulator per row: a row's score does not depend on how many rows share the loop. */
  @Override
  public float dot(float[] data, int offset, float[] query) {
    var body = query.length - query.length % LANES;
    var acc = FloatVector.zero(FLOATS);
    for (var j = 0; j < body; j += LANES) {
      acc =
          FloatVector.fromArray(FLOATS, data, offset + j)
              .fma(FloatVector.fromArray(FLOATS, query, j), acc);
    }
    var lanes = new float[LANES];
    acc.intoArray(lanes, 0);
    return tail(data, offset, query, body, sum(lanes, 0));
  }

  /** Four rows per pass over the query (four independent FMA chains), each as {@link #dot}. */
  @Override
  public void dots(float[] data, int dim, int from, int to, float[] query, float[] out) {
    var body = dim - dim % LANES;
    var lanes = new float[4 * LANES];
    var row = from;
    for (; row + 4 <= to; row += 4) {
      var o = row * dim;
      var a0 = FloatVector.zero(FLOATS);
      var a1 = FloatVector.zero(FLOATS);
      var a2 = FloatVector.zero(FLOATS);
      var a3 = FloatVector.zero(FLOATS);
      for (var j = 0; j < body; j += LANES) {
        var q = FloatVector.fromArray(FLOATS, query, j);
        a0 = FloatVector.fromArray(FLOATS, data, o + j).fma(q, a0);
        a1 = FloatVector.fromArray(FLOATS, data, o + dim + j).fma(q, a1);
        a2 = FloatVector.fromArray(FLOATS, data, o + 2 * dim + j).fma(q, a2);
        a3 = FloatVector.fromArray(FLOATS, data, o + 3 * dim + j).fma(q, a3);
      }
      a0.intoArray(lanes, 0);
      a1.intoArray(lanes, LANES);
      a2.intoArray(lanes, 2 * LANES);
      a3.intoArray(lanes, 3 * LANES);
      for (var r = 0; r < 4; r++) {
        out[row - from + r] = tail(data, o + r * dim, query, body, sum(lanes, r * LANES));
      }
    }
    for (; row < to; row++) {
      out[row - from] = dot(data, row * dim, query);
    }
  }

  private static float tail(float[] data, int offset, float[] query, int from, float sum) {
    for (var j = from; j < query.length; j++) {
      sum += data[offset + j] * query[j];
    }
    return sum;
  }

  /**
   * The lanes summed in a fixed order, four at a time, in scalar code. A vector reduction would sum
   * in one order when interpreted and another when compiled, and its code is so large that the JIT
   * stops inlining it into a four-row loop and boxes the vectors instead.
   */
  private static float sum(float[] lanes, int at) {
    var sum = 0f;
    for (var i = at; i < at + LANES; i += 4) {
      sum += (lanes[i] + lanes[i + 1]) + (lanes[i + 2] + lanes[i + 3]);
    }
    return sum;
  }

  @Override
  public void codeDots(
      byte[] codes, int dim, int fromBlock, int toBlock, float[] query, float[] out) {
    VectorCodeKernel.codeDots(codes, dim, fromBlock, toBlock, query, out);
  }

  @Override
  public void codeDots(
      byte[] codes,
      int dim,
      int fromBlock,
      int toBlock,
      float[] interleaved,
      int count,
      float[][] out) {
    VectorCodeKernel.codeDots(codes, dim, fromBlock, toBlock, interleaved, count, out);
  }

  @Override
  public int select(
      float[] dots,
      int count,
      int rowOffset,
      float[] scales,
      float[] slacks,
      float base,
      float bound,
      float threshold,
      int[] rows,
      float[] approx) {
    var bases = FloatVector.broadcast(FLOATS, base);
    var bounds = FloatVector.broadcast(FLOATS, bound);
    var selected = 0;
    var i = 0;
    for (; i + LANES <= count; i += LANES) {
      var estimate =
          FloatVector.fromArray(FLOATS, scales, rowOffset + i)
              .fma(FloatVector.fromArray(FLOATS, dots, i), bases);
      var upper = bounds.fma(FloatVector.fromArray(FLOATS, slacks, rowOffset + i), estimate);
      var hits = upper.compare(VectorOperators.GE, threshold).toLong();
      for (; hits != 0; hits &= hits - 1) {
        var lane = Long.numberOfTrailingZeros(hits);
        rows[selected] = rowOffset + i + lane;
        approx[selected++] = estimate.lane(lane);
      }
    }
    for (; i < count; i++) {
      var estimate = Math.fma(scales[rowOffset + i], dots[i], base);
      if (Math.fma(bound, slacks[rowOffset + i], estimate) >= threshold) {
        rows[selected] = rowOffset + i;
        approx[selected++] = estimate;
      }
    }
    return selected;
  }

  @Override
  public String name() {
    return "vector-api-" + FLOATS.vectorBitSize() + "bit";
  }
}
