package dev.lmi.handler.similarity;

/**
 * The arithmetic of every search path; implementations are stateless. Float32 rows are row-major;
 * int8 codes are block-interleaved: rows in groups of {@link #BLOCK}, and within a group dimension
 * {@code j} of row {@code r} at {@code block * BLOCK * dim + j * BLOCK + r % BLOCK}, so one vector
 * load holds one dimension of as many rows as it has lanes and a scan needs no horizontal sums.
 */
public interface DotKernel {

  /**
   * Rows per interleaved block of codes: 64, so one cache line holds one dimension of the four
   * units of sixteen rows a tile scores, and a scan reads the codes as one sequential stream (at
   * 16, a tile's four units were four streams 6 KB apart that the prefetcher followed less well).
   */
  int BLOCK = 64;

  /**
   * The exact score {@code query · data[offset .. offset + query.length)}: the one definition every
   * path ranks by, with a fixed summation order, so a row scores the same wherever it is computed.
   */
  float dot(float[] data, int offset, float[] query);

  /**
   * {@code out[i] = dot(data, (from + i) * dim, query)} for rows {@code [from, to)}, bit for bit.
   */
  void dots(float[] data, int dim, int from, int to, float[] query, float[] out);

  /**
   * Unscaled dot products of interleaved int8 blocks {@code [fromBlock, toBlock)} with a float
   * query: {@code out[(block - fromBlock) * BLOCK + lane]}, in any summation order.
   */
  void codeDots(byte[] codes, int dim, int fromBlock, int toBlock, float[] query, float[] out);

  /** Queries per group in the interleaved layout the many-query scan reads. */
  int GROUP = 6;

  /**
   * Rows at whose multiples a many-query code scan cuts its ranges: the tile takes four units (of
   * at most a block each) at a time, and the units a range ends with outside a tile are scored
   * query by query, four times slower (3 % of a gaussian scan's samples when ranges were cut at one
   * block).
   */
  int TILE_ROWS = 4 * BLOCK;

  /**
   * The same for {@code count} queries at once, {@code out[q]} per query: each block is read once
   * for all of them, which turns a memory-bound scan into a compute-bound one. The queries come
   * {@link #interleave interleaved}.
   */
  void codeDots(
      byte[] codes,
      int dim,
      int fromBlock,
      int toBlock,
      float[] interleaved,
      int count,
      float[][] out);

  /**
   * Queries in groups of {@link #GROUP}, value {@code j} of query {@code GROUP * g + i} at {@code
   * (g * dim + j) * GROUP + i}, the last group padded with its last query: a scan then reads one
   * sequential stream for a whole group, however long the vectors.
   */
  static float[] interleave(float[][] queries, int dim) {
    return interleave(queries, dim, GROUP);
  }

  /** The same in groups of {@code group}. */
  static float[] interleave(float[][] queries, int dim, int group) {
    var groups = Math.ceilDiv(queries.length, group);
    var interleaved = new float[groups * dim * group];
    for (var g = 0; g < groups; g++) {
      for (var i = 0; i < group; i++) {
        var query = queries[Math.min(g * group + i, queries.length - 1)];
        for (var j = 0; j < dim; j++) {
          interleaved[(g * dim + j) * group + i] = query[j];
        }
      }
    }
    return interleaved;
  }

  /**
   * Unscaled dot product of {@code length} int8 codes stored one after the other from {@code
   * offset} with a float query, in any summation order.
   */
  float codeDot(byte[] codes, int offset, int length, float[] query);

  /**
   * Rows {@code rowOffset + i}, {@code i < count}, whose upper bound {@code approx + bound *
   * slacks[row] + bound2 * slacks2[row]} reaches {@code threshold}, where {@code approx = base +
   * scales[row] * dots[i]} (all fused multiply-adds): written to {@code rows} and {@code approx};
   * returns how many.
   */
  int select(
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
      float[] approx);

  String name();
}
