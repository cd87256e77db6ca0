package dev.lmi.handler.similarity;

import java.util.Arrays;

/**
 * Chooses a category's search path when the catalog loads: the int8 first pass where its bounds,
 * measured on sample queries, prune enough rows to read well under half the bytes of a float32
 * scan; the float32 scan otherwise. The choice is logged with the figures behind it.
 */
public final class SearchPaths {

  /** Below this, a float32 scan is a few hundred kilobytes and the first pass cannot pay. */
  static final int MIN_QUANTISED_ROWS = 4_096;

  private static final int SAMPLES = 16;
  private static final int SAMPLE_K = 10;

  /** A re-ranked row is a random read of a whole float32 row: a few times a streamed byte. */
  private static final int RANDOM_READ_COST = 4;

  /** The path chosen for one category, the re-ranked rows measured, and why. */
  public record Choice(
      ExactSearch search, int rows, int survivorsMedian, int survivorsMax, String reason) {

    public String path() {
      return search.path();
    }
  }

  private SearchPaths() {}

  public static Choice choose(FlatIndex flat) {
    return choose(flat, DotKernels.simd());
  }

  static Choice choose(FlatIndex flat, boolean simd) {
    if (!simd) {
      return exact(flat, "no SIMD kernels (no jdk.incubator.vector): int8 would cost more");
    }
    if (flat.size() < MIN_QUANTISED_ROWS) {
      return exact(flat, "fewer than " + MIN_QUANTISED_ROWS + " rows");
    }
    var quantised = new QuantizedIndex(flat);
    var survivors = quantised.survivors(samples(flat), SAMPLE_K);
    Arrays.sort(survivors);
    var median = survivors[survivors.length / 2];
    var max = survivors[survivors.length - 1];
    var rowBytes = (long) flat.dimension() * Float.BYTES;
    var quantisedBytes = flat.size() * rowBytes / 4 + max * rowBytes * RANDOM_READ_COST;
    var exactBytes = flat.size() * rowBytes;
    var measured =
        String.format(
            "%d sample queries re-rank median %d, max %d of %d rows: ~%.1f MB read per query"
                + " against %.1f MB for float32",
            survivors.length, median, max, flat.size(), quantisedBytes / 1e6, exactBytes / 1e6);
    return quantisedBytes * 2 <= exactBytes
        ? new Choice(quantised, flat.size(), median, max, measured)
        : new Choice(flat, flat.size(), median, max, measured + ": int8 bounds prune too little");
  }

  private static Choice exact(FlatIndex flat, String reason) {
    return new Choice(flat, flat.size(), flat.size(), flat.size(), reason);
  }

  /** Catalog rows spread over the category: queries look like the products they look for. */
  private static float[][] samples(FlatIndex flat) {
    var count = Math.min(SAMPLES, flat.size());
    var dim = flat.dimension();
    var queries = new float[count][];
    for (var i = 0; i < count; i++) {
      var row = (int) ((long) i * flat.size() / count);
      queries[i] = Arrays.copyOfRange(flat.data(), row * dim, (row + 1) * dim);
    }
    return queries;
  }
}
