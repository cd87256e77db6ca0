package dev.lmi.handler.similarity;

/** Dot products of a float query with float32 or int8 rows; implementations are stateless. */
public interface DotKernel {

  /** {@code query · data[offset .. offset + query.length)}. */
  float dot(float[] data, int offset, float[] query);

  /** {@code query · data[offset .. offset + query.length)} with int8 data (unscaled). */
  float dot(byte[] data, int offset, float[] query);

  /** {@code out[j] = data[offset + j]} as floats: widen an int8 row once, reuse it many times. */
  default void widen(byte[] data, int offset, float[] out) {
    for (var j = 0; j < out.length; j++) {
      out[j] = data[offset + j];
    }
  }

  /**
   * Four dot products of one (widened) row at once, into {@code out[0..3]}: for batches, where a
   * row read once from memory serves many queries.
   */
  default void dot4(float[] row, float[] q0, float[] q1, float[] q2, float[] q3, float[] out) {
    out[0] = dot(row, 0, q0);
    out[1] = dot(row, 0, q1);
    out[2] = dot(row, 0, q2);
    out[3] = dot(row, 0, q3);
  }

  String name();
}
