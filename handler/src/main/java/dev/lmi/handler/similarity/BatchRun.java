package dev.lmi.handler.similarity;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * One shared scan for a batch: its row ranges run as separate executor tasks, none of which waits
 * for another; the last to finish merges the parts and starts the scan's next pass, if it has one,
 * or answers every query and reports back.
 */
final class BatchRun {

  /** Told how many queries the scan answered and how long it took. */
  interface Done {
    void finished(int size, long nanos);
  }

  private final List<ScanBatcher.Pending> batch;
  private final RowScan<?> scan;
  private final ExecutorService executor;
  private final int parts;
  private final Done done;
  private final long start = System.nanoTime();

  BatchRun(
      List<ScanBatcher.Pending> batch,
      ExactSearch search,
      ExecutorService executor,
      int parts,
      Done done) {
    this.batch = batch;
    this.executor = executor;
    this.parts = parts;
    this.done = done;
    var queries = new float[batch.size()][];
    var ks = new int[batch.size()];
    for (var i = 0; i < ks.length; i++) {
      queries[i] = batch.get(i).query();
      ks[i] = batch.get(i).k();
    }
    this.scan = search.scan(queries, ks);
  }

  void dispatch() {
    run(scan);
  }

  private <P> void run(RowScan<P> rows) {
    var bounds = Ranges.split(rows.rows(), rows.grain(), parts);
    var count = bounds.length - 1;
    var results = new AtomicReferenceArray<P>(count);
    var failure = new AtomicReference<Throwable>();
    var remaining = new AtomicInteger(count);
    for (var p = 0; p < count; p++) {
      var part = p;
      execute(
          () -> {
            try {
              results.set(part, rows.scan(bounds[part], bounds[part + 1]));
            } catch (RuntimeException | Error e) {
              failure.compareAndSet(null, e);
            } finally {
              if (remaining.decrementAndGet() == 0) {
                complete(rows, results, failure.get());
              }
            }
          });
    }
  }

  /** The last part of a pass to finish starts the next pass, or answers every query. */
  private <P> void complete(RowScan<P> rows, AtomicReferenceArray<P> results, Throwable failure) {
    var handedOver = false;
    try {
      if (failure != null) {
        batch.forEach(entry -> entry.result().completeExceptionally(failure));
      } else {
        var parts = new ArrayList<P>();
        for (var i = 0; i < results.length(); i++) {
          parts.add(results.get(i));
        }
        var next = rows.next(parts);
        if (next != null) {
          handedOver = true;
          run(next);
          return;
        }
        var tops = rows.finish(parts);
        for (var i = 0; i < tops.length; i++) {
          batch.get(i).result().complete(tops[i]);
        }
      }
    } catch (RuntimeException e) {
      batch.forEach(entry -> entry.result().completeExceptionally(e));
    } finally {
      if (!handedOver) {
        done.finished(batch.size(), System.nanoTime() - start);
      }
    }
  }

  /** A pool that is shut down or full may drop or refuse the task: then it runs here. */
  private void execute(Runnable task) {
    if (executor.isShutdown()) {
      task.run();
      return;
    }
    try {
      executor.execute(task);
    } catch (RejectedExecutionException e) {
      task.run();
    }
  }
}
