package dev.lmi.handler.similarity;

import java.util.Arrays;
import java.util.Optional;

/**
 * The prefix lengths worth trying for a {@link PrefixIndex}, each measured on the sample queries:
 * the one that reads the fewest bytes a query, if the data has a short prefix worth reading.
 */
final class PrefixOptions {

  private static final int[] PREFIXES = {8, 16, 32, 64, 128, 256};

  /** A row stage two scores is a random read of a whole int8 row. */
  private static final int ROW_READ_COST = 2;

  private PrefixOptions() {}

  /**
   * Prefix lengths from the shortest up, each built and measured; it stops once a longer prefix
   * costs more than a tenth over the best so far, or twice what {@code reference} costs: the
   * projections it computes are the init's largest cost, so no longer ones than that.
   */
  static Optional<SearchPaths.Option> best(
      QuantizedIndex quantised, float[][] samples, double reference) {
    var flat = quantised.exact();
    var dim = flat.dimension();
    var largest = Math.min(PREFIXES[PREFIXES.length - 1], dim / 4);
    if (largest < PREFIXES[0]) {
      return Optional.empty();
    }
    var basis = PrefixBasis.of(flat, quantised.mean(), largest, 0x5EEDL + dim);
    var projections = new float[flat.size() * largest];
    var full = quantised.rowCodes();
    SearchPaths.Option best = null;
    var projected = 0;
    for (var prefix : PREFIXES) {
      if (prefix > largest) {
        break;
      }
      PrefixIndex.project(flat, basis, projected, prefix, projections, largest);
      projected = prefix;
      var index = new PrefixIndex(quantised, full, basis, projections, largest, prefix);
      var option = measure(index, samples);
      if (best == null || option.bytes() < best.bytes()) {
        best = option;
      } else if (option.bytes() > 1.1 * best.bytes() || option.bytes() > 2 * reference) {
        break;
      }
    }
    return Optional.of(best);
  }

  private static SearchPaths.Option measure(PrefixIndex index, float[][] samples) {
    var work = index.work(samples, SearchPaths.SAMPLE_K);
    var stageTwo = Arrays.stream(work).mapToInt(w -> w[0]).sorted().toArray();
    var reranked = Arrays.stream(work).mapToInt(w -> w[1]).sorted().toArray();
    var rows = index.size();
    var dim = index.exact().dimension();
    var median = reranked[reranked.length / 2];
    var stageTwoMedian = stageTwo[stageTwo.length / 2];
    var best = PrefixScan.BEST_PER_K * SearchPaths.SAMPLE_K;
    var bytes =
        (double) rows * index.prefix()
            + (double) (stageTwoMedian + best) * dim * ROW_READ_COST
            + (double) median * dim * Float.BYTES * SearchPaths.RANDOM_READ_COST;
    var extra = (long) rows * (dim + index.prefix() + 5 * Float.BYTES);
    return new SearchPaths.Option(
        index,
        bytes,
        median,
        reranked[reranked.length - 1],
        stageTwoMedian,
        extra,
        String.format(
            "int8 prefix of %d: stage two scores median %d, re-ranks median %d, max %d,"
                + " ~%.1f MB a query",
            index.prefix(), stageTwoMedian, median, reranked[reranked.length - 1], bytes / 1e6));
  }
}
