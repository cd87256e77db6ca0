package dev.lmi.handler.similarity;

import static dev.lmi.handler.similarity.DotKernel.BLOCK;

import java.util.List;

/**
 * The int8 first pass for a set of queries, then each query's exact re-rank of the rows its bounds
 * could not rule out. From four queries up, each block of codes is read once for all of them.
 */
final class QuantizedScan implements RowScan<Candidates[]> {

  /** Blocks per selection step: 768 rows, whose estimates stay in L1. */
  private static final int CHUNK = 12;

  private final QuantizedIndex index;
  private final float[][] queries;
  private final int[] ks;
  private final float[][] rotated;
  private final float[] interleaved;
  private final float[] bases;
  private final float[] bounds;

  QuantizedScan(QuantizedIndex index, float[][] queries, int[] ks) {
    this.index = index;
    this.queries = queries;
    this.ks = ks;
    var n = queries.length;
    this.rotated = new float[n][];
    this.bases = new float[n];
    this.bounds = new float[n];
    var mean = index.mean();
    for (var q = 0; q < n; q++) {
      rotated[q] = index.rotate(queries[q]);
      var base = 0.0;
      for (var j = 0; j < mean.length; j++) {
        base += queries[q][j] * mean[j];
      }
      bases[q] = (float) base;
      // Slacks are per unit of query norm; the floor keeps the underflow allowance meaningful.
      var norm = QuantizedIndex.norm(queries[q], 0, queries[q].length) * 1.0001;
      bounds[q] = Math.nextUp((float) Math.max(norm, 0x1p-60));
    }
    this.interleaved = n < 4 ? null : DotKernel.interleave(rotated, index.dimension());
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
    return Candidates.perQuery(ks, 0);
  }

  @Override
  public void scan(Candidates[] candidates, int from, int to) {
    var n = queries.length;
    var dots = new float[n][CHUNK * BLOCK];
    var hits = new int[CHUNK * BLOCK];
    var approx = new float[CHUNK * BLOCK];
    var last = Math.ceilDiv(to, BLOCK);
    for (var block = from / BLOCK; block < last; block += CHUNK) {
      var end = Math.min(last, block + CHUNK);
      firstPass(block, end, dots);
      for (var q = 0; q < n; q++) {
        select(candidates[q], q, dots[q], block, end, hits, approx);
      }
    }
  }

  private void firstPass(int block, int end, float[][] dots) {
    var kernel = index.exact().kernel();
    if (queries.length < 4) {
      for (var q = 0; q < queries.length; q++) {
        kernel.codeDots(index.codes(), index.dimension(), block, end, rotated[q], dots[q]);
      }
    } else {
      kernel.codeDots(
          index.codes(), index.dimension(), block, end, interleaved, queries.length, dots);
    }
  }

  private void select(
      Candidates candidates, int q, float[] dots, int block, int end, int[] hits, float[] approx) {
    var kernel = index.exact().kernel();
    var slacks = index.slacks();
    var first = block * BLOCK;
    var rows = Math.min(end * BLOCK, rows()) - first;
    var threshold = candidates.threshold();
    var count =
        kernel.select(
            dots,
            rows,
            first,
            index.scales(),
            bases[q],
            slacks,
            bounds[q],
            index.noSlacks(),
            0f,
            threshold,
            hits,
            approx);
    for (var i = 0; i < count; i++) {
      candidates.consider(hits[i], approx[i], bounds[q] * slacks[hits[i]]);
    }
  }

  /** Every row's estimate and bound for query {@code q}, as a scan computes them. */
  void estimates(int q, float[] approx, float[] bound) {
    var blocks = Math.ceilDiv(rows(), BLOCK);
    var dots = new float[blocks * BLOCK];
    index.exact().kernel().codeDots(index.codes(), index.dimension(), 0, blocks, rotated[q], dots);
    for (var row = 0; row < rows(); row++) {
      approx[row] = Math.fma(index.scales()[row], dots[row], bases[q]);
      bound[row] = bounds[q] * index.slacks()[row];
    }
  }

  @Override
  public TopK[] finish(List<Candidates[]> parts) {
    return Candidates.rerank(parts, index.exact(), queries, ks);
  }
}
