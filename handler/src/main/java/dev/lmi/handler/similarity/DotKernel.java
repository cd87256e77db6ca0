package dev.lmi.handler.similarity;

/** Dot products of a float query with float32 or int8 rows; implementations are stateless. */
public interface DotKernel {

  /** {@code query · data[offset .. offset + query.length)}. */
  float dot(float[] data, int offset, float[] query);

  /** {@code query · data[offset .. offset + query.length)} with int8 data (unscaled). */
  float dot(byte[] data, int offset, float[] query);

  /**
   * Four int8 dot products of one row at once (one widening, four FMAs), into {@code out[0..3]}:
   * for batches, where the row is read from memory once for many queries.
   */
  default void dot4(
      byte[] data, int offset, float[] q0, float[] q1, float[] q2, float[] q3, float[] out) {
    out[0] = dot(data, offset, q0);
    out[1] = dot(data, offset, q1);
    out[2] = dot(data, offset, q2);
    out[3] = dot(data, offset, q3);
  }

  String name();
}
