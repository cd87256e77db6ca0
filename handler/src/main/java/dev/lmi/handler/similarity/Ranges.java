package dev.lmi.handler.similarity;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/** Splits one scan over rows into contiguous ranges run on an executor (the caller takes one). */
final class Ranges {

  /** Work on rows {@code [from, to)}. */
  interface RangeTask<T> {
    T run(int from, int to);
  }

  private Ranges() {}

  static <T> List<T> run(ExecutorService executor, int parts, int rows, RangeTask<T> task) {
    var count = Math.max(1, Math.min(parts, rows / 1_024));
    if (executor == null || count == 1) {
      return List.of(task.run(0, rows));
    }
    var futures = new ArrayList<Future<T>>();
    for (var p = 0; p < count - 1; p++) {
      var from = (int) ((long) p * rows / count);
      var to = (int) ((long) (p + 1) * rows / count);
      futures.add(executor.submit(() -> task.run(from, to)));
    }
    var results = new ArrayList<T>();
    var mine = task.run((int) ((long) (count - 1) * rows / count), rows);
    for (var future : futures) {
      results.add(await(future));
    }
    results.add(mine);
    return results;
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
