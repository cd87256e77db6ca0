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

  /** Told when the scan's last pass has handed out its last range, and when the scan answered. */
  interface Done {
    void drained();

    void finished(int size, long nanos);
  }

  /** Row ranges per task: the most a task can be left idle at the end is one range's time. */
  static final int RANGES_PER_PART = 8;

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

  /**
   * Each of up to {@code parts} tasks takes the next of {@link #RANGES_PER_PART} times as many row
   * ranges until none is left, into its own part: a task that starts late (a parked pool thread
   * takes a while to wake) or is slowed by another process leaves its ranges to the others instead
   * of keeping them idle at the end of the pass.
   */
  private <P> void run(RowScan<P> rows) {
    var bounds = Ranges.split(rows.rows(), rows.grain(), parts * RANGES_PER_PART);
    var ranges = bounds.length - 1;
    var count = Math.min(parts, ranges);
    var claimed = new AtomicInteger();
    var results = new AtomicReferenceArray<P>(count);
    var failure = new AtomicReference<Throwable>();
    var remaining = new AtomicInteger(count);
    for (var p = 0; p < count; p++) {
      var part = p;
      execute(
          () -> {
            try {
              var result = rows.start();
              for (var i = claimed.getAndIncrement(); ; i = claimed.getAndIncrement()) {
                if (i >= ranges) {
                  if (i == ranges && rows.last()) {
                    done.drained();
                  }
                  break;
                }
                rows.scan(result, bounds[i], bounds[i + 1]);
              }
              results.set(part, result);
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
