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

  TopK[] finish(List<P> parts);
}
