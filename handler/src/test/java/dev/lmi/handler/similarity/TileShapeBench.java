package dev.lmi.handler.similarity;

import static dev.lmi.handler.similarity.BenchRates.max;
import static dev.lmi.handler.similarity.BenchRates.median;

import java.util.Arrays;
import java.util.Random;

/**
 * Multiply-adds per second of a batch's first pass over the same int8 codes with 8 to 32 queries:
 * the handler's tile (four units by six queries, {@link VectorCodeKernel}) against the three by
 * eight one it replaced ({@link EightQueryTile}), back to back in each round, on codes that stream
 * from memory (100,000 × 384 by default) and on codes that stay in cache (768 rows, scanned
 * repeatedly). Both sum every row's products in the same order, so their scores must agree bit for
 * bit (checked). A main, not a test: run it with the test classpath and {@code --add-modules
 * jdk.incubator.vector}; args: rows, dim, rounds.
 */
public final class TileShapeBench {

  private static final int CACHED_ROWS = 768;

  private TileShapeBench() {}

  public static void main(String[] args) {
    var rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    var dim = args.length > 1 ? Integer.parseInt(args[1]) : 384;
    var rounds = args.length > 2 ? Integer.parseInt(args[2]) : 15;
    System.out.printf("GMAC/s per core, median (best) of %d rounds%n", rounds);
    // In cache first, so the JIT has compiled both tile widths before the streamed figures: with
    // the streamed run first, its figures for 16 queries and more once came out at half (23-26).
    for (var scanned : new int[] {CACHED_ROWS, rows}) {
      run(scanned, dim, rounds, new Random(1));
    }
  }

  private static void run(int rows, int dim, int rounds, Random random) {
    // A multiple of 12 units: whole tiles for both shapes, none left to the one-query kernel.
    var blocks = Math.max(12, rows / (12 * DotKernel.BLOCK) * 12);
    var codes = new byte[blocks * DotKernel.BLOCK * dim + 64];
    for (var i = 0; i < blocks * DotKernel.BLOCK * dim; i++) {
      codes[i] = (byte) (random.nextInt(255) - 127);
    }
    var repeats = Math.max(1, 100_000 / (blocks * DotKernel.BLOCK));
    var macs = (double) blocks * DotKernel.BLOCK * dim * repeats;
    System.out.printf(
        "%,d x %d codes%s%n",
        blocks * DotKernel.BLOCK,
        dim,
        repeats > 1 ? ", in cache, scanned " + repeats + " times a round" : ", streamed");
    for (var count : new int[] {8, 12, 16, 24, 28, 32}) {
      var queries = new float[count][dim];
      for (var query : queries) {
        for (var j = 0; j < dim; j++) {
          query[j] = (float) random.nextGaussian();
        }
      }
      var sixes = DotKernel.interleave(queries, dim);
      var eights = DotKernel.interleave(queries, dim, EightQueryTile.GROUP);
      var out = new float[count][blocks * DotKernel.BLOCK];
      var before = new float[count][blocks * DotKernel.BLOCK];
      var current = new double[rounds];
      var previous = new double[rounds];
      for (var round = -3; round < rounds; round++) {
        var start = System.nanoTime();
        for (var r = 0; r < repeats; r++) {
          VectorCodeKernel.codeDots(codes, dim, 0, blocks, sixes, count, out);
        }
        var middle = System.nanoTime();
        for (var r = 0; r < repeats; r++) {
          EightQueryTile.dots(codes, dim, blocks, eights, count, before);
        }
        var end = System.nanoTime();
        if (round >= 0) {
          current[round] = macs * count / (middle - start);
          previous[round] = macs * count / (end - middle);
        }
      }
      for (var q = 0; q < count; q++) {
        if (!Arrays.equals(out[q], before[q])) {
          throw new AssertionError("the two tiles disagree on query " + q);
        }
      }
      var ratios = new double[rounds];
      Arrays.setAll(ratios, r -> current[r] / previous[r]);
      System.out.printf(
          "%2d queries: 4 x 6 tile %.1f (%.1f), 3 x 8 tile %.1f (%.1f), 4x6 / 3x8 %.2f%n",
          count, median(current), max(current), median(previous), max(previous), median(ratios));
    }
  }
}
