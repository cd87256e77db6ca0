package dev.lmi.handler.similarity;

import java.util.Arrays;
import java.util.concurrent.ExecutorService;

/** An exact inner-product top-k over one category's rows. Implementations are immutable. */
public interface ExactSearch {

  int size();

  /** What this path does, for logs and benchmarks. */
  String path();

  /**
   * Whether a scan costs the same per query in a batch half as large (one pass, each query scored
   * on its own): then concurrent callers may be split into two halves whose scans alternate.
   */
  default boolean halves() {
    return true;
  }

  /** A scan for these queries, each with its own {@code k}. */
  RowScan<?> scan(float[][] queries, int[] ks);

  default TopK search(float[] query, int k) {
    return search(query, k, null, 1);
  }

  /**
   * One query, its rows split over {@code parts} ranges on {@code executor} (the caller takes one).
   */
  default TopK search(float[] query, int k, ExecutorService executor, int parts) {
    return search(new float[][] {query}, k, executor, parts)[0];
  }

  /** Many queries answered by one shared scan. */
  default TopK[] search(float[][] queries, int k, ExecutorService executor, int parts) {
    var ks = new int[queries.length];
    Arrays.fill(ks, k);
    return Ranges.run(executor, parts, scan(queries, ks));
  }
}
