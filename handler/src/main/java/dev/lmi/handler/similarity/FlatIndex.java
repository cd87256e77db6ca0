package dev.lmi.handler.similarity;

import java.util.concurrent.ExecutorService;

/** Exact inner-product top-k over row-major vectors in one contiguous array. Immutable. */
public final class FlatIndex {

  private final float[] data;
  private final int dim;
  private final int rows;
  private final DotKernel kernel;

  public FlatIndex(float[] data, int dim) {
    this(data, dim, DotKernels.best());
  }

  public FlatIndex(float[] data, int dim, DotKernel kernel) {
    if (dim <= 0 || data.length % dim != 0) {
      throw new IllegalArgumentException("data length " + data.length + " is not rows x " + dim);
    }
    this.data = data;
    this.dim = dim;
    this.rows = data.length / dim;
    this.kernel = kernel;
  }

  public int size() {
    return rows;
  }

  public int dimension() {
    return dim;
  }

  float[] data() {
    return data;
  }

  DotKernel kernel() {
    return kernel;
  }

  public TopK search(float[] query, int k) {
    return search(query, k, 0, rows);
  }

  /** One query split over {@code parts} row ranges on {@code executor}. */
  public TopK search(float[] query, int k, ExecutorService executor, int parts) {
    var merged = new TopK(k);
    Ranges.run(executor, parts, rows, (from, to) -> search(query, k, from, to))
        .forEach(merged::addAll);
    return merged;
  }

  /** Rows {@code [from, to)} only. */
  public TopK search(float[] query, int k, int from, int to) {
    var top = new TopK(k);
    for (var row = from; row < to; row++) {
      var score = kernel.dot(data, row * dim, query);
      if (score >= top.threshold()) {
        top.offer(row, score);
      }
    }
    return top;
  }

  /** The exact score: the one definition every search path ranks by. */
  public float score(int row, float[] query) {
    return kernel.dot(data, row * dim, query);
  }
}
