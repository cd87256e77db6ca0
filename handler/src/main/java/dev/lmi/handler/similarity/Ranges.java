package dev.lmi.handler.similarity;

import java.util.ArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/** Splits one scan over rows into contiguous ranges run on an executor (the caller takes one). */
final class Ranges {

  /** Ranges smaller than this cost more to hand over than to scan. */
  static final int MIN_ROWS_PER_PART = 1_024;

  private Ranges() {}

  /**
   * {@code count + 1} boundaries of at most {@code parts} ranges, inner ones multiples of grain.
   */
  static int[] split(int rows, int grain, int parts) {
    var count = Math.max(1, Math.min(parts, rows / MIN_ROWS_PER_PART));
    var bounds = new int[count + 1];
    for (var p = 1; p < count; p++) {
      bounds[p] = (int) ((long) p * rows / count) / grain * grain;
    }
    bounds[count] = rows;
    return bounds;
  }

  /** Every pass of the scan, each split into ranges; the answers of the last. */
  static TopK[] run(ExecutorService executor, int parts, RowScan<?> scan) {
    var pass = scan;
    while (true) {
      var answer = pass(executor, parts, pass);
      if (answer.tops() != null) {
        return answer.tops();
      }
      pass = answer.next();
    }
  }

  /** What a pass led to: the answers, or the next pass. */
  private record Answer(TopK[] tops, RowScan<?> next) {}

  private static <P> Answer pass(ExecutorService executor, int parts, RowScan<P> scan) {
    var bounds = split(scan.rows(), scan.grain(), executor == null ? 1 : parts);
    var count = bounds.length - 1;
    var futures = new ArrayList<Future<P>>();
    for (var p = 0; p < count - 1; p++) {
      var from = bounds[p];
      var to = bounds[p + 1];
      futures.add(executor.submit(() -> scan.scan(from, to)));
    }
    var mine = scan.scan(bounds[count - 1], bounds[count]);
    var results = new ArrayList<P>();
    for (var future : futures) {
      results.add(await(future));
    }
    results.add(mine);
    var next = scan.next(results);
    return next != null ? new Answer(null, next) : new Answer(scan.finish(results), null);
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while searching", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("range search failed", e.getCause());
    }
  }
}
