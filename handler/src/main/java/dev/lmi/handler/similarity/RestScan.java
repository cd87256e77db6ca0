package dev.lmi.handler.similarity;

import java.util.List;

/**
 * Stage two of a {@link PrefixIndex}: the rows stage one could not rule out, scored with the full
 * rotated int8 codes, then each query's exact re-rank of what is left. Rows are visited in order,
 * each for every query that needs it, so a row several queries need is read from memory once.
 */
final class RestScan implements RowScan<Candidates[]> {

  private final PrefixIndex index;
  private final StageTwo stageTwo;
  private final float[][] queries;
  private final int[] ks;
  private final float[] thresholds;
  private final int words;
  private final long[] wanted;
  private final int[] alive;

  RestScan(
      PrefixIndex index, StageTwo stageTwo, float[][] queries, int[] ks, List<Candidates[]> parts) {
    this.index = index;
    this.stageTwo = stageTwo;
    this.queries = queries;
    this.ks = ks;
    var n = queries.length;
    this.thresholds = new float[n];
    this.words = Math.ceilDiv(n, Long.SIZE);
    this.wanted = new long[index.size() * words];
    this.alive = new int[n];
    for (var q = 0; q < n; q++) {
      var lowers = new TopK(ks[q]);
      for (var part : parts) {
        lowers.addAll(part[q].lowers);
      }
      thresholds[q] = lowers.threshold();
      for (var part : parts) {
        var candidates = part[q];
        for (var i = 0; i < candidates.count; i++) {
          if (candidates.uppers[i] >= thresholds[q]) {
            wanted[candidates.rows[i] * words + q / Long.SIZE] |= 1L << q;
            alive[q]++;
          }
        }
      }
    }
  }

  @Override
  public int rows() {
    return index.size();
  }

  @Override
  public int grain() {
    return 1;
  }

  @Override
  public Candidates[] start() {
    return Candidates.perQuery(ks, 0);
  }

  @Override
  public void scan(Candidates[] candidates, int from, int to) {
    for (var row = from; row < to; row++) {
      for (var word = 0; word < words; word++) {
        for (var bits = wanted[row * words + word]; bits != 0; bits &= bits - 1) {
          var q = word * Long.SIZE + Long.numberOfTrailingZeros(bits);
          var approx = stageTwo.estimate(q, row);
          var bound = stageTwo.bound(q, row);
          if (approx + bound >= thresholds[q]) {
            candidates[q].consider(row, approx, bound);
          }
        }
      }
    }
  }

  @Override
  public TopK[] finish(List<Candidates[]> parts) {
    return Candidates.rerank(parts, index.exact(), queries, ks);
  }

  /** How many rows stage two scores for query {@code q}. */
  int alive(int q) {
    return alive[q];
  }
}
