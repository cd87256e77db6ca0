package dev.lmi.handler.similarity;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * SIMD kernels on the Vector API. Only loaded by {@link DotKernels} when the JVM runs with {@code
 * --add-modules jdk.incubator.vector}; four accumulators hide the FMA latency.
 */
final class VectorDotKernel implements DotKernel {

  private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;
  private static final VectorSpecies<Byte> BYTES =
      VectorSpecies.of(
          byte.class, jdk.incubator.vector.VectorShape.forBitSize(FLOATS.length() * 8));
  private static final int LANES = FLOATS.length();
  private static final int STEP = 4 * LANES;

  @Override
  public float dot(float[] data, int offset, float[] query) {
    var a0 = FloatVector.zero(FLOATS);
    var a1 = FloatVector.zero(FLOATS);
    var a2 = FloatVector.zero(FLOATS);
    var a3 = FloatVector.zero(FLOATS);
    var dim = query.length;
    var i = 0;
    for (; i + STEP <= dim; i += STEP) {
      a0 =
          FloatVector.fromArray(FLOATS, data, offset + i)
              .fma(FloatVector.fromArray(FLOATS, query, i), a0);
      a1 =
          FloatVector.fromArray(FLOATS, data, offset + i + LANES)
              .fma(FloatVector.fromArray(FLOATS, query, i + LANES), a1);
      a2 =
          FloatVector.fromArray(FLOATS, data, offset + i + 2 * LANES)
              .fma(FloatVector.fromArray(FLOATS, query, i + 2 * LANES), a2);
      a3 =
          FloatVector.fromArray(FLOATS, data, offset + i + 3 * LANES)
              .fma(FloatVector.fromArray(FLOATS, query, i + 3 * LANES), a3);
    }
    var sum = lanesInOrder(a0.add(a1).add(a2.add(a3)));
    for (; i < dim; i++) {
      sum += data[offset + i] * query[i];
    }
    return sum;
  }

  @Override
  public float dot(byte[] data, int offset, float[] query) {
    var a0 = FloatVector.zero(FLOATS);
    var a1 = FloatVector.zero(FLOATS);
    var a2 = FloatVector.zero(FLOATS);
    var a3 = FloatVector.zero(FLOATS);
    var dim = query.length;
    var i = 0;
    for (; i + STEP <= dim; i += STEP) {
      a0 = widen(data, offset + i).fma(FloatVector.fromArray(FLOATS, query, i), a0);
      a1 = widen(data, offset + i + LANES).fma(FloatVector.fromArray(FLOATS, query, i + LANES), a1);
      a2 =
          widen(data, offset + i + 2 * LANES)
              .fma(FloatVector.fromArray(FLOATS, query, i + 2 * LANES), a2);
      a3 =
          widen(data, offset + i + 3 * LANES)
              .fma(FloatVector.fromArray(FLOATS, query, i + 3 * LANES), a3);
    }
    var sum = a0.add(a1).add(a2.add(a3)).reduceLanes(VectorOperators.ADD);
    for (; i < dim; i++) {
      sum += data[offset + i] * query[i];
    }
    return sum;
  }

  @Override
  public void widen(byte[] data, int offset, float[] out) {
    var i = 0;
    for (; i + LANES <= out.length; i += LANES) {
      widen(data, offset + i).intoArray(out, i);
    }
    for (; i < out.length; i++) {
      out[i] = data[offset + i];
    }
  }

  @Override
  public void dot4(float[] row, float[] q0, float[] q1, float[] q2, float[] q3, float[] out) {
    var a0 = FloatVector.zero(FLOATS);
    var a1 = FloatVector.zero(FLOATS);
    var a2 = FloatVector.zero(FLOATS);
    var a3 = FloatVector.zero(FLOATS);
    var dim = row.length;
    var i = 0;
    for (; i + LANES <= dim; i += LANES) {
      var x = FloatVector.fromArray(FLOATS, row, i);
      a0 = x.fma(FloatVector.fromArray(FLOATS, q0, i), a0);
      a1 = x.fma(FloatVector.fromArray(FLOATS, q1, i), a1);
      a2 = x.fma(FloatVector.fromArray(FLOATS, q2, i), a2);
      a3 = x.fma(FloatVector.fromArray(FLOATS, q3, i), a3);
    }
    out[0] = a0.reduceLanes(VectorOperators.ADD);
    out[1] = a1.reduceLanes(VectorOperators.ADD);
    out[2] = a2.reduceLanes(VectorOperators.ADD);
    out[3] = a3.reduceLanes(VectorOperators.ADD);
    for (; i < dim; i++) {
      out[0] += row[i] * q0[i];
      out[1] += row[i] * q1[i];
      out[2] += row[i] * q2[i];
      out[3] += row[i] * q3[i];
    }
  }

  /**
   * reduceLanes(ADD) may sum in a different order when interpreted than when compiled, so the same
   * row could score differently across calls; a fixed order keeps one score per row.
   */
  private static float lanesInOrder(FloatVector vector) {
    var sum = 0f;
    for (var lane = 0; lane < LANES; lane++) {
      sum += vector.lane(lane);
    }
    return sum;
  }

  private static FloatVector widen(byte[] data, int offset) {
    return (FloatVector) ByteVector.fromArray(BYTES, data, offset).castShape(FLOATS, 0);
  }

  @Override
  public String name() {
    return "vector-api-" + FLOATS.vectorBitSize() + "bit";
  }
}
