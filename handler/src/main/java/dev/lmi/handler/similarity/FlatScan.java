package dev.lmi.handler.similarity;

import java.util.List;

/**
 * A float32 scan for many queries: rows are taken a chunk at a time (a chunk stays in cache while
 * every query scores it), so the array is read from memory once per scan, not once per query.
 */
final class FlatScan implements RowScan<TopK[]> {

  private static final int CHUNK = 64;

  private final FlatIndex index;
  private final float[][] queries;
  private final int[] ks;

  FlatScan(FlatIndex index, float[][] queries, int[] ks) {
    this.index = index;
    this.queries = queries;
    this.ks = ks;
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
  public TopK[] start() {
    var tops = new TopK[queries.length];
    for (var q = 0; q < queries.length; q++) {
      tops[q] = new TopK(ks[q]);
    }
    return tops;
  }

  @Override
  public void scan(TopK[] tops, int from, int to) {
    var scores = new float[CHUNK];
    var kernel = index.kernel();
    for (var start = from; start < to; start += CHUNK) {
      var end = Math.min(to, start + CHUNK);
      for (var q = 0; q < queries.length; q++) {
        kernel.dots(index.data(), index.dimension(), start, end, queries[q], scores);
        offer(tops[q], scores, start, end);
      }
    }
  }

  private static void offer(TopK top, float[] scores, int start, int end) {
    for (var row = start; row < end; row++) {
      var score = scores[row - start];
      if (score >= top.threshold()) {
        top.offer(row, score);
      }
    }
  }

  @Override
  public TopK[] finish(List<TopK[]> parts) {
    var merged = new TopK[queries.length];
    for (var q = 0; q < queries.length; q++) {
      merged[q] = new TopK(ks[q]);
      for (var part : parts) {
        merged[q].addAll(part[q]);
      }
    }
    return merged;
  }
}
