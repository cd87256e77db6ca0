package dev.lmi.handler.similarity;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Shares scans between concurrent requests on one category. A query that arrives while no scan runs
 * starts one at once (no window to wait out); queries that arrive while one runs wait for it and
 * are answered together, by the next scan, in one pass over the rows. A batch holds at most {@link
 * #MAX_BATCH} queries, so a query waits at most for the scan in progress and its own (plus one more
 * per {@code MAX_BATCH} queued ahead). Scans run on the shared executor, split into row ranges; no
 * task ever blocks there, and no thread is created. Thread-safe.
 */
public final class ScanBatcher {

  static final int MAX_BATCH = 64;

  private record Pending(float[] query, int k, CompletableFuture<TopK> result) {}

  private final ExactSearch search;
  private final ExecutorService executor;
  private final int parts;
  private final ArrayDeque<Pending> pending = new ArrayDeque<>();
  private boolean running;
  private long scans;
  private long answered;

  public ScanBatcher(ExactSearch search, ExecutorService executor, int parts) {
    this.search = search;
    this.executor = executor;
    this.parts = parts;
  }

  public CompletableFuture<TopK> submit(float[] query, int k) {
    var entry = new Pending(query, k, new CompletableFuture<>());
    List<Pending> batch;
    synchronized (this) {
      pending.add(entry);
      batch = running ? List.of() : take();
    }
    start(batch);
    return entry.result();
  }

  /** Up to MAX_BATCH waiting queries; a scan is running from here until a take finds none. */
  private List<Pending> take() {
    var batch = new ArrayList<Pending>();
    while (!pending.isEmpty() && batch.size() < MAX_BATCH) {
      batch.add(pending.poll());
    }
    running = !batch.isEmpty();
    scans += running ? 1 : 0;
    answered += batch.size();
    return batch;
  }

  /** Dispatches the batch; should building its scan fail, fails it and moves to the next. */
  private void start(List<Pending> batch) {
    var current = batch;
    while (!current.isEmpty()) {
      try {
        dispatch(scanFor(current), current);
        return;
      } catch (RuntimeException e) {
        current.forEach(entry -> entry.result().completeExceptionally(e));
        synchronized (this) {
          current = take();
        }
      }
    }
  }

  private RowScan<?> scanFor(List<Pending> batch) {
    var queries = new float[batch.size()][];
    var ks = new int[batch.size()];
    for (var i = 0; i < ks.length; i++) {
      queries[i] = batch.get(i).query();
      ks[i] = batch.get(i).k();
    }
    return search.scan(queries, ks);
  }

  private <P> void dispatch(RowScan<P> scan, List<Pending> batch) {
    var bounds = Ranges.split(scan.rows(), scan.grain(), parts);
    var count = bounds.length - 1;
    var results = new AtomicReferenceArray<P>(count);
    var failure = new AtomicReference<Throwable>();
    var remaining = new AtomicInteger(count);
    for (var p = 0; p < count; p++) {
      var part = p;
      execute(
          () -> {
            try {
              results.set(part, scan.scan(bounds[part], bounds[part + 1]));
            } catch (RuntimeException | Error e) {
              failure.compareAndSet(null, e);
            } finally {
              if (remaining.decrementAndGet() == 0) {
                complete(scan, results, failure.get(), batch);
              }
            }
          });
    }
  }

  private <P> void complete(
      RowScan<P> scan, AtomicReferenceArray<P> results, Throwable failure, List<Pending> batch) {
    try {
      if (failure != null) {
        batch.forEach(entry -> entry.result().completeExceptionally(failure));
      } else {
        var parts = new ArrayList<P>();
        for (var i = 0; i < results.length(); i++) {
          parts.add(results.get(i));
        }
        var tops = scan.finish(parts);
        for (var i = 0; i < tops.length; i++) {
          batch.get(i).result().complete(tops[i]);
        }
      }
    } catch (RuntimeException e) {
      batch.forEach(entry -> entry.result().completeExceptionally(e));
    } finally {
      List<Pending> next;
      synchronized (this) {
        next = take();
      }
      start(next);
    }
  }

  /** Scans started so far, and the queries they took: how much sharing concurrency bought. */
  public synchronized long[] scansAndQueries() {
    return new long[] {scans, answered};
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
