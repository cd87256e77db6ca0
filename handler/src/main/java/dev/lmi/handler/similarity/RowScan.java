package dev.lmi.handler.similarity;

import java.util.List;

/**
 * One scan of a category's rows for a set of queries, in pieces: row ranges (starting at multiples
 * of {@link #grain()}) scanned independently, on any threads, then finished into one top-k per
 * query. A piece's result is confined to the thread that made it until {@link #finish}.
 */
interface RowScan<P> {

  int rows();

  int grain();

  P scan(int from, int to);

  /**
   * The pass that follows this one, given its parts, or null when {@link #finish} answers: a first
   * pass hands what it could not rule out to the next.
   */
  default RowScan<?> next(List<P> parts) {
    return null;
  }

  TopK[] finish(List<P> parts);
}
