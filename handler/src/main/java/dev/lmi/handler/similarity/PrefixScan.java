package dev.lmi.handler.similarity;

import static dev.lmi.handler.similarity.DotKernel.BLOCK;

import java.util.List;

/**
 * Stage one of a {@link PrefixIndex} for a set of queries: each row's prefix estimate and bound,
 * keeping the rows whose upper bound reaches a threshold set by stage two on the rows with the best
 * estimates; {@link RestScan} then scores the rows kept with stage two.
 */
final class PrefixScan implements RowScan<Candidates[]> {

  /** Blocks per selection step: 768 rows. */
  private static final int CHUNK = 12;

  /** The rows with the best estimates, per unit of k, that set the threshold for stage two. */
  static final int BEST_PER_K = 4;

  private final PrefixIndex index;
  private final float[][] queries;
  private final int[] ks;
  private final float[][] prefixes;
  private final float[] interleaved;
  private final float[] bases;
  private final float[] boundsPrefix;
  private final float[] boundsRest;
  private final StageTwo stageTwo;

  PrefixScan(PrefixIndex index, float[][] queries, int[] ks) {
    this.index = index;
    this.queries = queries;
    this.ks = ks;
    var n = queries.length;
    this.prefixes = new float[n][];
    this.bases = new float[n];
    this.boundsPrefix = new float[n];
    this.boundsRest = new float[n];
    for (var q = 0; q < n; q++) {
      prepare(q);
    }
    this.interleaved = n < 4 ? null : DotKernel.interleave(prefixes, index.prefix());
    this.stageTwo = new StageTwo(index, queries, bases);
  }

  /** Query {@code q}'s prefix, its score against the mean, and its two bound factors. */
  private void prepare(int q) {
    var kernel = index.exact().kernel();
    var dim = index.exact().dimension();
    var query = queries[q];
    if (query.length != dim) {
      throw new IllegalArgumentException("query has " + query.length + " dimensions");
    }
    var prefix = new float[index.prefix()];
    for (var i = 0; i < prefix.length; i++) {
      prefix[i] = kernel.dot(index.basis(), i * dim, query);
    }
    prefixes[q] = prefix;
    var base = 0.0;
    for (var j = 0; j < dim; j++) {
      base += query[j] * index.mean()[j];
    }
    bases[q] = (float) base;
    var norm = QuantizedIndex.norm(query, 0, dim);
    var prefixNorm = QuantizedIndex.norm(prefix, 0, prefix.length);
    var rest = PrefixQuantiser.restNorm(norm, prefixNorm, dim, prefix.length, index.defect());
    // Slacks are per unit of these norms; the floor keeps the underflow allowance meaningful.
    boundsPrefix[q] = Math.nextUp((float) Math.max(prefixNorm * 1.0001, 0x1p-60));
    boundsRest[q] = Math.nextUp((float) Math.max(rest * 1.0001, 0x1p-60));
  }

  @Override
  public int rows() {
    return index.size();
  }

  @Override
  public int grain() {
    return BLOCK;
  }

  @Override
  public Candidates[] start() {
    return Candidates.perQuery(ks, BEST_PER_K);
  }

  @Override
  public void scan(Candidates[] candidates, int from, int to) {
    var n = queries.length;
    var dots = new float[n][CHUNK * BLOCK];
    var hits = new int[CHUNK * BLOCK];
    var approx = new float[CHUNK * BLOCK];
    var kernel = index.exact().kernel();
    var last = Math.ceilDiv(to, BLOCK);
    for (var block = from / BLOCK; block < last; block += CHUNK) {
      var end = Math.min(last, block + CHUNK);
      if (n < 4) {
        for (var q = 0; q < n; q++) {
          kernel.codeDots(index.codes(), index.prefix(), block, end, prefixes[q], dots[q]);
        }
      } else {
        kernel.codeDots(index.codes(), index.prefix(), block, end, interleaved, n, dots);
      }
      for (var q = 0; q < n; q++) {
        select(candidates[q], q, dots[q], block, end, hits, approx);
      }
    }
  }

  /**
   * Keeps the chunk's rows whose stage-one upper bound reaches the part's running threshold: the
   * k-th best stage-two lower bound among the rows scored so far. A row is scored by stage two when
   * its stage-one estimate is among the best few seen, so the threshold climbs near its final value
   * within the first chunks and most rows are never kept.
   */
  private void select(
      Candidates candidates, int q, float[] dots, int block, int end, int[] hits, float[] approx) {
    var first = block * BLOCK;
    var count =
        index
            .exact()
            .kernel()
            .select(
                dots,
                Math.min(end * BLOCK, rows()) - first,
                first,
                index.scales(),
                bases[q],
                index.slacksPrefix(),
                boundsPrefix[q],
                index.slacksRest(),
                boundsRest[q],
                candidates.threshold(),
                hits,
                approx);
    for (var i = 0; i < count; i++) {
      var row = hits[i];
      var bound =
          boundsPrefix[q] * index.slacksPrefix()[row] + boundsRest[q] * index.slacksRest()[row];
      if (approx[i] + bound >= candidates.threshold()) {
        candidates.add(row, approx[i] + bound);
        if (approx[i] >= candidates.best.threshold()) {
          candidates.best.offer(row, approx[i]);
          candidates.lowers.offer(row, stageTwo.lower(q, row));
        }
      }
    }
  }

  /** Every row's stage-one estimate and bound for query {@code q}, as a scan computes them. */
  void estimates(int q, float[] approx, float[] bound) {
    var blocks = Math.ceilDiv(rows(), BLOCK);
    var dots = new float[blocks * BLOCK];
    index.exact().kernel().codeDots(index.codes(), index.prefix(), 0, blocks, prefixes[q], dots);
    for (var row = 0; row < rows(); row++) {
      approx[row] = Math.fma(index.scales()[row], dots[row], bases[q]);
      bound[row] =
          boundsPrefix[q] * index.slacksPrefix()[row] + boundsRest[q] * index.slacksRest()[row];
    }
  }

  @Override
  public boolean last() {
    return false;
  }

  /** Stage two for the rows stage one left, above each query's threshold. */
  @Override
  public RestScan next(List<Candidates[]> parts) {
    return new RestScan(index, stageTwo, queries, ks, parts);
  }

  @Override
  public TopK[] finish(List<Candidates[]> parts) {
    return Ranges.run(null, 1, next(parts));
  }
}
