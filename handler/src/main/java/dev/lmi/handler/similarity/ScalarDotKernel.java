package dev.lmi.handler.similarity;

/** Plain Java kernels: the fallback when {@code jdk.incubator.vector} is not in the JVM. */
public final class ScalarDotKernel implements DotKernel {

  @Override
  public float dot(float[] data, int offset, float[] query) {
    return VectorMath.dot(data, offset, query);
  }

  @Override
  public void dots(float[] data, int dim, int from, int to, float[] query, float[] out) {
    for (var row = from; row < to; row++) {
      out[row - from] = VectorMath.dot(data, row * dim, query);
    }
  }

  @Override
  public void codeDots(
      byte[] codes, int dim, int fromBlock, int toBlock, float[] query, float[] out) {
    var sums = new float[BLOCK];
    for (var block = fromBlock; block < toBlock; block++) {
      java.util.Arrays.fill(sums, 0f);
      var offset = block * BLOCK * dim;
      for (var j = 0; j < dim; j++) {
        var q = query[j];
        var at = offset + j * BLOCK;
        // The inner loop runs over the rows of one block: the JIT can vectorise it.
        for (var lane = 0; lane < BLOCK; lane++) {
          sums[lane] += codes[at + lane] * q;
        }
      }
      System.arraycopy(sums, 0, out, (block - fromBlock) * BLOCK, BLOCK);
    }
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
    var query = new float[dim];
    for (var q = 0; q < count; q++) {
      var at = q / GROUP * dim * GROUP + q % GROUP;
      for (var j = 0; j < dim; j++) {
        query[j] = interleaved[at + j * GROUP];
      }
      codeDots(codes, dim, fromBlock, toBlock, query, out[q]);
    }
  }

  @Override
  public float codeDot(byte[] codes, int offset, int length, float[] query) {
    var sum = 0f;
    for (var j = 0; j < length; j++) {
      sum += codes[offset + j] * query[j];
    }
    return sum;
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
    var selected = 0;
    for (var i = 0; i < count; i++) {
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
    return "scalar";
  }
}
