package dev.lmi.handler.similarity;

/**
 * Exact inner-product top-k over row-major float32 vectors in one contiguous array: every row
 * scored with {@link DotKernel#dot}, the definition of a score. Immutable.
 */
public final class FlatIndex implements ExactSearch {

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

  @Override
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

  @Override
  public String path() {
    return "exact-f32";
  }

  @Override
  public RowScan<TopK[]> scan(float[][] queries, int[] ks) {
    return new FlatScan(this, queries, ks);
  }

  /** Rows {@code [from, to)} only. */
  public TopK search(float[] query, int k, int from, int to) {
    return scan(new float[][] {query}, new int[] {k}).scan(from, to)[0];
  }

  /** The exact score: the one definition every search path ranks by. */
  public float score(int row, float[] query) {
    return kernel.dot(data, row * dim, query);
  }
}
