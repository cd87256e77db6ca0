package dev.lmi.handler.similarity;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * Shares scans between concurrent requests on one category. A query that arrives while a scan runs
 * waits for it and is answered, with every query that arrived meanwhile, by the next scan: one pass
 * over the rows for all of them. A query that finds the category idle starts a scan at once. Right
 * after a shared scan, with none running, the next one waits for callers to come back, while fewer
 * are back than that scan answered, for at most an eighth of its time and {@link
 * #MAX_GATHER_NANOS}: without that, callers in a closed loop fall into alternating full scans and
 * one-query scans. With {@link #PIPELINED} callers or more in flight, on a path whose scans cost as
 * much per query in a smaller batch ({@link ExactSearch#halves()}), they are kept in two halves
 * instead: once a scan has handed out its last row range, the next half's scan is queued behind it,
 * so the pool never waits for callers to come back, nor for a scan's last range and answers. A
 * batch holds at most {@link #MAX_BATCH} queries. Scans run on the shared executor ({@link
 * BatchRun}); no thread is created, and only that bounded wait happens on it. Thread-safe.
 */
public final class ScanBatcher {

  static final int MAX_BATCH = 64;
  static final long MAX_GATHER_NANOS = 2_000_000;

  /**
   * Callers in flight (the running scan's and those waiting) from which two scans alternate: each
   * half still fills two tiles of six queries, so splitting costs no multiply-add.
   */
  static final int PIPELINED = 24;

  /** A query waiting for a scan, and where its answer goes. */
  record Pending(float[] query, int k, CompletableFuture<TopK> result) {}

  private final ExactSearch search;
  private final ExecutorService executor;
  private final int parts;
  private final ArrayDeque<Pending> pending = new ArrayDeque<>();
  private int inFlight;
  private boolean open = true;
  private int newest;
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
      if (!open) {
        notifyAll();
        return entry.result();
      }
      batch = next();
    }
    start(batch);
    return entry.result();
  }

  /**
   * The batch to dispatch now that the pool can take one, or none. With no scan in flight: every
   * waiting query (after the gathering wait); behind a scan that has handed out its last range:
   * only when enough callers are in flight, and then at least half of them.
   */
  private List<Pending> next() {
    open = false;
    var limit = MAX_BATCH;
    if (inFlight == 0) {
      gather();
    } else if (!search.halves() || newest + pending.size() < PIPELINED) {
      open = true;
      return List.of();
    } else {
      limit = Math.min(limit, Math.max(newest, Math.ceilDiv(newest + pending.size(), 2)));
    }
    var batch = new ArrayList<Pending>();
    while (!pending.isEmpty() && batch.size() < limit) {
      batch.add(pending.poll());
    }
    if (batch.isEmpty()) {
      open = true;
      return batch;
    }
    inFlight++;
    newest = batch.size();
    scans++;
    answered += batch.size();
    return batch;
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

  /** Dispatches the batch; should building its scan fail, fails it and moves to the next. */
  private void start(List<Pending> batch) {
    var current = batch;
    while (!current.isEmpty()) {
      try {
        new BatchRun(current, search, executor, parts, new Callbacks()).dispatch();
        return;
      } catch (RuntimeException e) {
        current.forEach(entry -> entry.result().completeExceptionally(e));
        synchronized (this) {
          inFlight--;
          current = next();
        }
      }
    }
  }

  /** What one batch's scan reports back. */
  private final class Callbacks implements BatchRun.Done {

    @Override
    public void drained() {
      List<Pending> batch;
      synchronized (ScanBatcher.this) {
        open = true;
        batch = pending.isEmpty() ? List.of() : next();
      }
      start(batch);
    }

    /** The next batch, whatever has arrived, starts at once unless one is already queued. */
    @Override
    public void finished(int size, long nanos) {
      List<Pending> batch = List.of();
      synchronized (ScanBatcher.this) {
        inFlight--;
        lastBatch = size;
        lastScanNanos = nanos;
        lastEnd = System.nanoTime();
        open |= inFlight == 0;
        if (open && !pending.isEmpty()) {
          batch = next();
        }
      }
      start(batch);
    }
  }

  /** Scans started so far, and the queries they took: how much sharing concurrency bought. */
  public synchronized long[] scansAndQueries() {
    return new long[] {scans, answered};
  }
}
