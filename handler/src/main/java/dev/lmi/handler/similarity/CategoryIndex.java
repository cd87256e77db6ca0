package dev.lmi.handler.similarity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One category's products, sorted by product id (so a lower row wins a tie, as the contract wants)
 * with unit-length vectors in one contiguous array, and the search path chosen for them at load.
 * Immutable and thread-safe.
 */
public final class CategoryIndex {

  private final String category;
  private final String[] ids;
  private final String[] names;
  private final SearchPaths.Choice choice;

  private CategoryIndex(String category, String[] ids, String[] names, FlatIndex vectors) {
    this.category = category;
    this.ids = ids;
    this.names = names;
    this.choice = SearchPaths.choose(vectors);
  }

  /** Sorts, checks every vector has {@code dimension} finite entries, normalises. */
  public static CategoryIndex of(String category, List<Product> products, int dimension) {
    var sorted = new ArrayList<>(products);
    sorted.sort(Comparator.comparing(Product::productId));
    var ids = new String[sorted.size()];
    var names = new String[sorted.size()];
    var data = new float[sorted.size() * dimension];
    for (var row = 0; row < sorted.size(); row++) {
      var product = sorted.get(row);
      check(product, dimension);
      ids[row] = product.productId();
      names[row] = product.name();
      System.arraycopy(
          VectorMath.normalised(product.embedding()), 0, data, row * dimension, dimension);
    }
    return new CategoryIndex(category, ids, names, new FlatIndex(data, dimension));
  }

  private static void check(Product product, int dimension) {
    var embedding = product.embedding();
    if (embedding.length != dimension) {
      throw new IllegalStateException(
          "catalog embedding of product "
              + product.productId()
              + " has "
              + embedding.length
              + " dimensions but the embedding model produces "
              + dimension
              + "; re-seed the catalog with the same model and EMBEDDING_DIMENSION");
    }
    for (var value : embedding) {
      if (!Float.isFinite(value)) {
        throw new IllegalStateException(
            "catalog embedding of product "
                + product.productId()
                + " has a non-finite value ("
                + value
                + "); re-seed the product");
      }
    }
  }

  public String category() {
    return category;
  }

  public int size() {
    return ids.length;
  }

  /** The search path chosen at load, and the pruning measured for it. */
  public SearchPaths.Choice choice() {
    return choice;
  }

  ExactSearch searcher() {
    return choice.search();
  }

  /** The {@code k} products most similar to a unit-length query, best first. */
  public List<Hit> search(float[] unitQuery, int k) {
    return hits(choice.search().search(unitQuery, k));
  }

  List<Hit> hits(TopK top) {
    var rows = top.rows();
    var scores = top.scores();
    var hits = new ArrayList<Hit>(rows.length);
    for (var i = 0; i < rows.length; i++) {
      hits.add(new Hit(ids[rows[i]], names[rows[i]], scores[i]));
    }
    return hits;
  }
}
