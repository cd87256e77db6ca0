package dev.lmi.handler.similarity;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The whole in-memory catalog: one index per category, in configuration order. Immutable. */
public final class Catalog {

  private final Map<String, CategoryIndex> categories;
  private final int dimension;

  public Catalog(List<CategoryIndex> indexes, int dimension) {
    var map = new LinkedHashMap<String, CategoryIndex>();
    indexes.forEach(index -> map.put(index.category(), index));
    this.categories = Collections.unmodifiableMap(map);
    this.dimension = dimension;
  }

  public List<String> categoryNames() {
    return List.copyOf(categories.keySet());
  }

  public CategoryIndex category(String name) {
    return categories.get(name);
  }

  public int dimension() {
    return dimension;
  }

  public int size() {
    return categories.values().stream().mapToInt(CategoryIndex::size).sum();
  }
}
