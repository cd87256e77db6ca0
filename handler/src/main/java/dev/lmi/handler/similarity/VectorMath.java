package dev.lmi.handler.similarity;

/** Scalar vector kernels; the one definition of a score, shared by every search path. */
public final class VectorMath {

  private VectorMath() {}

  /** Dot product of {@code query} with the row starting at {@code offset}. */
  public static float dot(float[] data, int offset, float[] query) {
    // Four independent accumulators: the JIT does not reorder float adds, so this is what lets
    // the CPU overlap them.
    float s0 = 0;
    float s1 = 0;
    float s2 = 0;
    float s3 = 0;
    var dim = query.length;
    var i = 0;
    for (; i + 3 < dim; i += 4) {
      s0 += data[offset + i] * query[i];
      s1 += data[offset + i + 1] * query[i + 1];
      s2 += data[offset + i + 2] * query[i + 2];
      s3 += data[offset + i + 3] * query[i + 3];
    }
    for (; i < dim; i++) {
      s0 += data[offset + i] * query[i];
    }
    return (s0 + s1) + (s2 + s3);
  }

  /** A unit-length copy (cosine similarity becomes a dot product); zero vectors stay zero. */
  public static float[] normalised(float[] vector) {
    double sum = 0;
    for (var v : vector) {
      sum += (double) v * v;
    }
    var copy = vector.clone();
    if (sum == 0) {
      return copy;
    }
    var scale = 1.0 / Math.sqrt(sum);
    for (var i = 0; i < copy.length; i++) {
      copy[i] = (float) (copy[i] * scale);
    }
    return copy;
  }
}
