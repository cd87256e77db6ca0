package dev.lmi.handler.similarity;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * Shares scans between concurrent requests on one category. A query that arrives while a scan runs
 * waits for it and is answered, with every query that arrived meanwhile, by the next scan: one pass
 * over the rows for all of them. A query that finds the category idle starts a scan at once. Only
 * right after a shared scan does the next one wait for callers to come back, while fewer are back
 * than that scan answered, for at most an eighth of its time and {@link #MAX_GATHER_NANOS}: without
 * that, callers in a closed loop fall into alternating full scans and one-query scans. A batch
 * holds at most {@link #MAX_BATCH} queries. Scans run on the shared executor ({@link BatchRun}); no
 * thread is created, and only that bounded wait happens on it. Thread-safe.
 */
public final class ScanBatcher {

  static final int MAX_BATCH = 64;
  static final long MAX_GATHER_NANOS = 2_000_000;

  /** A query waiting for a scan, and where its answer goes. */
  record Pending(float[] query, int k, CompletableFuture<TopK> result) {}

  private final ExactSearch search;
  private final ExecutorService executor;
  private final int parts;
  private final ArrayDeque<Pending> pending = new ArrayDeque<>();
  private boolean running;
  private int lastBatch;
  private long lastScanNanos;
  private long lastEnd;
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
      if (running) {
        notifyAll();
        return entry.result();
      }
      running = true;
      gather();
      batch = take();
    }
    start(batch);
    return entry.result();
  }

  /**
   * Waits, within the window, while fewer queries are pending than the last scan took, if that scan
   * was shared and has just ended: its callers are likely on their way back.
   */
  private void gather() {
    var now = System.nanoTime();
    if (lastBatch < 2 || now - lastEnd > lastScanNanos) {
      return;
    }
    var deadline = now + Math.min(lastScanNanos / 8, MAX_GATHER_NANOS);
    try {
      while (pending.size() < lastBatch && (now = System.nanoTime()) < deadline) {
        wait((deadline - now) / 1_000_000, (int) ((deadline - now) % 1_000_000));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Up to MAX_BATCH waiting queries; the batcher is running until a take finds none. */
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
        new BatchRun(current, search, executor, parts, this::finished).dispatch();
        return;
      } catch (RuntimeException e) {
        current.forEach(entry -> entry.result().completeExceptionally(e));
        synchronized (this) {
          current = take();
        }
      }
    }
  }

  /** Called once a batch is answered: the next batch, whatever has arrived, starts at once. */
  private void finished(int size, long nanos) {
    List<Pending> next;
    synchronized (this) {
      lastBatch = size;
      lastScanNanos = nanos;
      lastEnd = System.nanoTime();
      gather();
      next = take();
    }
    start(next);
  }

  /** Scans started so far, and the queries they took: how much sharing concurrency bought. */
  public synchronized long[] scansAndQueries() {
    return new long[] {scans, answered};
  }
}
