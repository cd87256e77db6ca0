package dev.lmi.handler.similarity;

/** Dot products of a float query with float32 or int8 rows; implementations are stateless. */
public interface DotKernel {

  /** {@code query · data[offset .. offset + query.length)}. */
  float dot(float[] data, int offset, float[] query);

  /** {@code query · data[offset .. offset + query.length)} with int8 data (unscaled). */
  float dot(byte[] data, int offset, float[] query);

  String name();
}
