package dev.lmi.handler.similarity;

import java.util.Arrays;

/**
 * The k best (row, score) pairs seen so far: higher score first, ties to the lower row. A binary
 * min-heap of primitives, so the hot loop allocates nothing. Not thread-safe; one per scan.
 */
public final class TopK {

  private final int k;
  private final int[] rows;
  private final float[] scores;
  private int size;

  public TopK(int k) {
    this.k = k;
    this.rows = new int[k];
    this.scores = new float[k];
  }

  public int capacity() {
    return k;
  }

  /** The score a row must beat to enter, or -infinity while not full. */
  public float threshold() {
    return size < k ? Float.NEGATIVE_INFINITY : scores[0];
  }

  public void offer(int row, float score) {
    if (size < k) {
      rows[size] = row;
      scores[size] = score;
      siftUp(size++);
    } else if (better(row, score, rows[0], scores[0])) {
      rows[0] = row;
      scores[0] = score;
      siftDown(0);
    }
  }

  public void addAll(TopK other) {
    for (var i = 0; i < other.size; i++) {
      offer(other.rows[i], other.scores[i]);
    }
  }

  /** Rows best first. */
  public int[] rows() {
    return Arrays.stream(order()).map(i -> rows[i]).toArray();
  }

  /** Scores best first, aligned with {@link #rows()}. */
  public float[] scores() {
    var order = order();
    var result = new float[order.length];
    for (var i = 0; i < order.length; i++) {
      result[i] = scores[order[i]];
    }
    return result;
  }

  private int[] order() {
    return java.util.stream.IntStream.range(0, size)
        .boxed()
        .sorted((a, b) -> better(rows[a], scores[a], rows[b], scores[b]) ? -1 : 1)
        .mapToInt(Integer::intValue)
        .toArray();
  }

  static boolean better(int rowA, float scoreA, int rowB, float scoreB) {
    return scoreA > scoreB || (scoreA == scoreB && rowA < rowB);
  }

  private void siftUp(int i) {
    while (i > 0) {
      var parent = (i - 1) >>> 1;
      if (!better(rows[parent], scores[parent], rows[i], scores[i])) {
        return;
      }
      swap(i, parent);
      i = parent;
    }
  }

  private void siftDown(int i) {
    while (true) {
      var left = 2 * i + 1;
      var worst = i;
      if (left < size && better(rows[worst], scores[worst], rows[left], scores[left])) {
        worst = left;
      }
      var right = left + 1;
      if (right < size && better(rows[worst], scores[worst], rows[right], scores[right])) {
        worst = right;
      }
      if (worst == i) {
        return;
      }
      swap(i, worst);
      i = worst;
    }
  }

  private void swap(int a, int b) {
    var row = rows[a];
    rows[a] = rows[b];
    rows[b] = row;
    var score = scores[a];
    scores[a] = scores[b];
    scores[b] = score;
  }
}
