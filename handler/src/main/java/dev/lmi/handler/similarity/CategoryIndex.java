package dev.lmi.handler.similarity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One category's products, sorted by product id (so a lower row wins a tie, as the contract wants)
 * with unit-length vectors in one contiguous array. Immutable and thread-safe.
 */
public final class CategoryIndex {

  private final String category;
  private final String[] ids;
  private final String[] names;

  /**
   * From this size the int8 first pass pays for its extra quarter of memory, with SIMD kernels; the
   * scalar byte-to-float loop is slower than a float32 scan, so without SIMD it is never used.
   */
  static final int QUANTISE_FROM_ROWS = 20_000;

  private final FlatIndex vectors;
  private final QuantizedIndex quantised;

  private CategoryIndex(String category, String[] ids, String[] names, FlatIndex vectors) {
    this.category = category;
    this.ids = ids;
    this.names = names;
    this.vectors = vectors;
    this.quantised =
        DotKernels.simd() && vectors.size() >= QUANTISE_FROM_ROWS
            ? new QuantizedIndex(vectors)
            : null;
  }

  /** Sorts, checks every vector has {@code dimension} entries, normalises. */
  public static CategoryIndex of(String category, List<Product> products, int dimension) {
    var sorted = new ArrayList<>(products);
    sorted.sort(Comparator.comparing(Product::productId));
    var ids = new String[sorted.size()];
    var names = new String[sorted.size()];
    var data = new float[sorted.size() * dimension];
    for (var row = 0; row < sorted.size(); row++) {
      var product = sorted.get(row);
      if (product.embedding().length != dimension) {
        throw new IllegalStateException(
            "catalog embedding of product "
                + product.productId()
                + " has "
                + product.embedding().length
                + " dimensions but the embedding model produces "
                + dimension
                + "; re-seed the catalog with the same model and EMBEDDING_DIMENSION");
      }
      ids[row] = product.productId();
      names[row] = product.name();
      System.arraycopy(
          VectorMath.normalised(product.embedding()), 0, data, row * dimension, dimension);
    }
    return new CategoryIndex(category, ids, names, new FlatIndex(data, dimension));
  }

  public String category() {
    return category;
  }

  public int size() {
    return ids.length;
  }

  /** The {@code k} products most similar to a unit-length query, best first. */
  public List<Hit> search(float[] unitQuery, int k) {
    var top = quantised != null ? quantised.search(unitQuery, k) : vectors.search(unitQuery, k);
    var rows = top.rows();
    var scores = top.scores();
    var hits = new ArrayList<Hit>(rows.length);
    for (var i = 0; i < rows.length; i++) {
      hits.add(new Hit(ids[rows[i]], names[rows[i]], scores[i]));
    }
    return hits;
  }
}
