package dev.lmi.handler.similarity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;

/**
 * Chooses a category's search path when the catalog loads, from what each path's bounds leave to
 * score on sample queries: the int8 first pass over whole rows ({@link QuantizedIndex}), the
 * two-stage prefix pass ({@link PrefixIndex}, for data whose variance sits in a few directions), or
 * the float32 scan when neither reads well under half its bytes. The choice is logged with the
 * figures behind it, the time it took and the memory it added.
 */
public final class SearchPaths {

  /** Below this, a float32 scan is a few hundred kilobytes and no first pass can pay. */
  static final int MIN_QUANTISED_ROWS = 4_096;

  static final int SAMPLES = 16;
  static final int SAMPLE_K = 10;

  /** A re-ranked row is a random read of a whole float32 row: a few times a streamed byte. */
  static final int RANDOM_READ_COST = 4;

  /** The path chosen for one category, what it leaves to score on samples, and why. */
  public record Choice(
      ExactSearch search,
      int rows,
      int survivorsMedian,
      int survivorsMax,
      int stageTwoMedian,
      long initMillis,
      long extraBytes,
      String reason) {

    public String path() {
      return search.path();
    }
  }

  /** One path measured on the samples: bytes read per query, and what it left to score. */
  record Option(
      ExactSearch search,
      double bytes,
      int survivorsMedian,
      int survivorsMax,
      int stageTwoMedian,
      long extraBytes,
      String summary) {}

  private SearchPaths() {}

  public static Choice choose(FlatIndex flat) {
    return choose(flat, DotKernels.simd());
  }

  static Choice choose(FlatIndex flat, boolean simd) {
    var start = System.nanoTime();
    if (!simd) {
      return exact(flat, "no SIMD kernels (no jdk.incubator.vector): int8 would cost more", start);
    }
    if (flat.size() < MIN_QUANTISED_ROWS) {
      return exact(flat, "fewer than " + MIN_QUANTISED_ROWS + " rows", start);
    }
    var samples = samples(flat);
    var quantised = new QuantizedIndex(flat);
    var options = new ArrayList<Option>();
    var int8 = int8(flat, quantised, samples);
    options.add(int8);
    PrefixOptions.best(quantised, samples, int8.bytes()).ifPresent(options::add);
    var best = options.stream().min(Comparator.comparingDouble(Option::bytes)).orElseThrow();
    var exactBytes = (double) flat.size() * flat.dimension() * Float.BYTES;
    var measured = new StringBuilder(SAMPLES + " sample queries:");
    options.forEach(option -> measured.append(' ').append(option.summary()).append(';'));
    measured.append(String.format(" float32 %.1f MB", exactBytes / 1e6));
    if (best.bytes() * 2 > exactBytes) {
      return new Choice(
          flat,
          flat.size(),
          best.survivorsMedian(),
          best.survivorsMax(),
          -1,
          millis(start),
          0,
          measured + ": int8 bounds prune too little");
    }
    return new Choice(
        best.search(),
        flat.size(),
        best.survivorsMedian(),
        best.survivorsMax(),
        best.stageTwoMedian(),
        millis(start),
        best.extraBytes(),
        measured.toString());
  }

  private static Option int8(FlatIndex flat, QuantizedIndex quantised, float[][] samples) {
    var survivors = quantised.survivors(samples, SAMPLE_K);
    Arrays.sort(survivors);
    var median = survivors[survivors.length / 2];
    var max = survivors[survivors.length - 1];
    var rowBytes = (double) flat.dimension() * Float.BYTES;
    var bytes = flat.size() * rowBytes / 4 + median * rowBytes * RANDOM_READ_COST;
    return new Option(
        quantised,
        bytes,
        median,
        max,
        -1,
        (long) flat.size() * (flat.dimension() + 3 * Float.BYTES),
        String.format(
            "int8 re-ranks median %d, max %d of %d rows, ~%.1f MB a query",
            median, max, flat.size(), bytes / 1e6));
  }

  private static Choice exact(FlatIndex flat, String reason, long start) {
    return new Choice(flat, flat.size(), flat.size(), flat.size(), -1, millis(start), 0, reason);
  }

  private static long millis(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }

  /** Catalog rows spread over the category: queries look like the products they look for. */
  static float[][] samples(FlatIndex flat) {
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
