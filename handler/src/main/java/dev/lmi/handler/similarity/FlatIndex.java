package dev.lmi.handler.similarity;

/** Exact inner-product top-k over row-major vectors in one contiguous array. Immutable. */
public final class FlatIndex {

  private final float[] data;
  private final int dim;
  private final int rows;

  public FlatIndex(float[] data, int dim) {
    if (dim <= 0 || data.length % dim != 0) {
      throw new IllegalArgumentException("data length " + data.length + " is not rows x " + dim);
    }
    this.data = data;
    this.dim = dim;
    this.rows = data.length / dim;
  }

  public int size() {
    return rows;
  }

  public int dimension() {
    return dim;
  }

  public TopK search(float[] query, int k) {
    return search(query, k, 0, rows);
  }

  /** Rows {@code [from, to)} only: lets callers split one scan across threads. */
  public TopK search(float[] query, int k, int from, int to) {
    var top = new TopK(k);
    for (var row = from; row < to; row++) {
      var score = VectorMath.dot(data, row * dim, query);
      if (score >= top.threshold()) {
        top.offer(row, score);
      }
    }
    return top;
  }

  public float score(int row, float[] query) {
    return VectorMath.dot(data, row * dim, query);
  }
}
