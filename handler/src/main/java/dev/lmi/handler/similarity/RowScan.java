package dev.lmi.handler.similarity;

import java.util.List;

/**
 * One scan of a category's rows for a set of queries, in parts: each part takes row ranges
 * (starting at multiples of {@link #grain()}) one after another, parts run independently on any
 * threads, then are finished into one top-k per query. A part is confined to the thread that fills
 * it until {@link #finish}.
 */
interface RowScan<P> {

  int rows();

  int grain();

  /** An empty part. */
  P start();

  /**
   * Adds rows {@code [from, to)} to {@code part}, which keeps what earlier ranges taught it (a
   * threshold that only rises), so a part may take many ranges at no loss of pruning.
   */
  void scan(P part, int from, int to);

  default P scan(int from, int to) {
    var part = start();
    scan(part, from, to);
    return part;
  }

  /**
   * The pass that follows this one, given its parts, or null when {@link #finish} answers: a first
   * pass hands what it could not rule out to the next.
   */
  default RowScan<?> next(List<P> parts) {
    return null;
  }

  /**
   * Whether this pass answers (no pass follows it): then, once its last range is claimed, the pool
   * may take the next batch's scan, whose ranges queue behind this pass's last ones.
   */
  default boolean last() {
    return true;
  }

  TopK[] finish(List<P> parts);
}
