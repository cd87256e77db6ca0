package dev.lmi.handler.similarity;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * SIMD kernels on the Vector API. Only loaded by {@link DotKernels} when the JVM runs with {@code
 * --add-modules jdk.incubator.vector}; the int8 scans are in {@link VectorCodeKernel}.
 */
final class VectorDotKernel implements DotKernel {

  static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;
  static final int LANES = FLOATS.length();

  // The steps of fold: rotations by 8, 4, 2 and 1 lanes (constants, so the JIT emits one
  // permute each).
  private static final VectorShuffle<Float> BY_8 = rotation(8);
  private static final VectorShuffle<Float> BY_4 = rotation(4);
  private static final VectorShuffle<Float> BY_2 = rotation(2);
  private static final VectorShuffle<Float> BY_1 = rotation(1);

  VectorDotKernel() {
    // The int8 tiles take four units of a block at a time.
    if (LANES < 4 || BLOCK % (4 * LANES) != 0) {
      throw new IllegalStateException("no usable float vector shape: " + FLOATS);
    }
  }

  /**
   * One row at a time, read front to back: a scan is then one sequential stream, which the hardware
   * prefetcher follows at the speed of a plain sum (several rows in flight at once are several
   * short streams, and ran at half that speed on 384-dimension rows). Four accumulators on strided
   * chunks hide the FMA latency; they are added lane by lane and folded by {@link #fold} in a fixed
   * order, so a row's score is the same bit for bit wherever it is computed.
   */
  @Override
  public float dot(float[] data, int offset, float[] query) {
    var dim = query.length;
    var a0 = FloatVector.zero(FLOATS);
    var a1 = a0;
    var a2 = a0;
    var a3 = a0;
    var j = 0;
    for (; j + 4 * LANES <= dim; j += 4 * LANES) {
      var o = offset + j;
      a0 = FloatVector.fromArray(FLOATS, data, o).fma(FloatVector.fromArray(FLOATS, query, j), a0);
      a1 =
          FloatVector.fromArray(FLOATS, data, o + LANES)
              .fma(FloatVector.fromArray(FLOATS, query, j + LANES), a1);
      a2 =
          FloatVector.fromArray(FLOATS, data, o + 2 * LANES)
              .fma(FloatVector.fromArray(FLOATS, query, j + 2 * LANES), a2);
      a3 =
          FloatVector.fromArray(FLOATS, data, o + 3 * LANES)
              .fma(FloatVector.fromArray(FLOATS, query, j + 3 * LANES), a3);
    }
    for (; j + LANES <= dim; j += LANES) {
      a0 =
          FloatVector.fromArray(FLOATS, data, offset + j)
              .fma(FloatVector.fromArray(FLOATS, query, j), a0);
    }
    var sum = fold(a0.add(a1).add(a2.add(a3)));
    for (; j < dim; j++) {
      sum += data[offset + j] * query[j];
    }
    return sum;
  }

  @Override
  public void dots(float[] data, int dim, int from, int to, float[] query, float[] out) {
    for (var row = from; row < to; row++) {
      out[row - from] = dot(data, row * dim, query);
    }
  }

  /**
   * The lanes summed as a tree of lane-wise adds of the vector and its rotations, the same order
   * compiled or interpreted ({@code reduceLanes} sums in one order when interpreted and another
   * when compiled).
   */
  private static float fold(FloatVector v) {
    if (LANES == 16) {
      v = v.add(v.rearrange(BY_8));
    }
    if (LANES >= 8) {
      v = v.add(v.rearrange(BY_4));
    }
    v = v.add(v.rearrange(BY_2));
    return v.add(v.rearrange(BY_1)).lane(0);
  }

  private static VectorShuffle<Float> rotation(int lanes) {
    return VectorShuffle.iota(FLOATS, lanes % LANES, 1, true);
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
  public float codeDot(byte[] codes, int offset, int length, float[] query) {
    return VectorCodeKernel.codeDot(codes, offset, length, query);
  }

  @Override
  public int select(
      float[] dots,
      int count,
      int rowOffset,
      float[] scales,
      float base,
      float[] slacks,
      float bound,
      float[] slacks2,
      float bound2,
      float threshold,
      int[] rows,
      float[] approx) {
    var bases = FloatVector.broadcast(FLOATS, base);
    var bounds = FloatVector.broadcast(FLOATS, bound);
    var bounds2 = FloatVector.broadcast(FLOATS, bound2);
    var lanes = new float[LANES];
    var selected = 0;
    var i = 0;
    for (; i + LANES <= count; i += LANES) {
      var estimate =
          FloatVector.fromArray(FLOATS, scales, rowOffset + i)
              .fma(FloatVector.fromArray(FLOATS, dots, i), bases);
      var upper =
          bounds2.fma(
              FloatVector.fromArray(FLOATS, slacks2, rowOffset + i),
              bounds.fma(FloatVector.fromArray(FLOATS, slacks, rowOffset + i), estimate));
      var hits = upper.compare(VectorOperators.GE, threshold).toLong();
      if (hits != 0) {
        // One store of the lanes: lane(n) with a variable n is not compiled to a register read.
        estimate.intoArray(lanes, 0);
      }
      for (; hits != 0; hits &= hits - 1) {
        var lane = Long.numberOfTrailingZeros(hits);
        rows[selected] = rowOffset + i + lane;
        approx[selected++] = lanes[lane];
      }
    }
    for (; i < count; i++) {
      var row = rowOffset + i;
      var estimate = Math.fma(scales[row], dots[i], base);
      var upper = Math.fma(bound2, slacks2[row], Math.fma(bound, slacks[row], estimate));
      if (upper >= threshold) {
        rows[selected] = row;
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
