package dev.lmi.handler.similarity;

/** Plain Java kernels: the fallback when {@code jdk.incubator.vector} is not in the JVM. */
public final class ScalarDotKernel implements DotKernel {

  @Override
  public float dot(float[] data, int offset, float[] query) {
    return VectorMath.dot(data, offset, query);
  }

  @Override
  public float dot(byte[] data, int offset, float[] query) {
    // Independent accumulators: the JIT keeps float adds in order, so this is the parallelism.
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

  @Override
  public String name() {
    return "scalar";
  }
}
