package dev.lmi.handler.bench;

import dev.lmi.handler.similarity.FlatIndex;
import dev.lmi.handler.similarity.QuantizedIndex;
import java.util.Arrays;

/** What a shape's figures rest on: how much each first pass prunes, and the memory floor. */
final class Diagnostics {

  private Diagnostics() {}

  /** Rows re-ranked per bench query by each first-pass variant: what the choice rests on. */
  static void pruning(ShapeRun run, FlatIndex flat, float[][] queries, int k) {
    var line =
        new StringBuilder("rows re-ranked per query (median/p90/max of " + queries.length + "):");
    for (var variant : new boolean[][] {{false, false}, {true, false}, {true, true}}) {
      var index = new QuantizedIndex(flat, variant[0], variant[1]);
      var survivors = index.survivors(queries, k);
      Arrays.sort(survivors);
      line.append(
          String.format(
              " %s %d/%d/%d;",
              index.path().replace("+f32-rerank", ""),
              survivors[survivors.length / 2],
              survivors[(int) Math.ceil(0.9 * survivors.length) - 1],
              survivors[survivors.length - 1]));
    }
    run.print("%s", line);
  }

  /** A plain sum over the float32 array and over as many bytes as the int8 copy holds. */
  static String floor(ShapeRun run, float[] data, int threads, boolean quantised) throws Exception {
    var floatBytes = data.length * 4e-6;
    var codes = new byte[data.length];
    var f1 = Measure.sumFloats(data, 1);
    var fn = Measure.sumFloats(data, threads);
    var b1 = Measure.sumBytes(codes, 1);
    var bn = Measure.sumBytes(codes, threads);
    run.print(
        "memory floor: sum over %.1f MB float32: %.1f GB/s on 1 thread (%.2f ms), %.1f GB/s on %d"
            + " (%.2f ms); over %.1f MB of bytes: %.1f GB/s (%.2f ms), %.1f GB/s (%.2f ms)",
        floatBytes,
        f1,
        floatBytes / f1,
        fn,
        threads,
        floatBytes / fn,
        floatBytes / 4,
        b1,
        floatBytes / 4 / b1,
        bn,
        floatBytes / 4 / bn);
    var bytes = quantised ? floatBytes / 4 : floatBytes;
    return String.format(
        "%.2f ms (%.1f MB at %.0f GB/s)",
        bytes / (quantised ? bn : fn), bytes, quantised ? bn : fn);
  }
}
