package dev.lmi.handler.similarity;

import static dev.lmi.handler.similarity.BenchRates.max;
import static dev.lmi.handler.similarity.BenchRates.median;

import java.util.Arrays;
import java.util.Random;

/**
 * Multiply-adds per second of a batch's first pass over the same int8 codes (100,000 × 384 rows by
 * default) with 8 to 32 queries (12 and 28 end in a group of four): the handler's float tile
 * ({@link VectorCodeKernel}: codes widened to float, FMAs) against {@link Int16Tile} (int16
 * products of 6-bit query codes), run back to back in each round. A main, not a test: run it with
 * the test classpath and {@code --add-modules jdk.incubator.vector}; args: rows, dim, rounds.
 */
public final class PairTileBench {

  private PairTileBench() {}

  public static void main(String[] args) {
    var rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    var dim = args.length > 1 ? Integer.parseInt(args[1]) : 384;
    var rounds = args.length > 2 ? Integer.parseInt(args[2]) : 15;
    var random = new Random(1);
    var blocks = rows / (4 * DotKernel.BLOCK) * 4;
    var codes = new byte[blocks * DotKernel.BLOCK * dim + 64];
    for (var i = 0; i < blocks * DotKernel.BLOCK * dim; i++) {
      codes[i] = (byte) (random.nextInt(255) - 127);
    }
    // Int16Tile's blocks are smaller: the same rows in 16-row blocks (a multiple of four).
    var pairBlocks = blocks * DotKernel.BLOCK / Int16Tile.BLOCK;
    var pairs = Int16Tile.pairs(codes, pairBlocks, dim);
    var macs = (double) blocks * DotKernel.BLOCK * dim;
    System.out.printf(
        "%,d x %d codes, %d rounds; GMAC/s median (best)%n", blocks * DotKernel.BLOCK, dim, rounds);
    for (var count : new int[] {8, 12, 16, 24, 28, 32}) {
      var queries = new float[count][dim];
      for (var query : queries) {
        for (var j = 0; j < dim; j++) {
          query[j] = (float) random.nextGaussian();
        }
      }
      var interleaved = DotKernel.interleave(queries, dim);
      var packed = Int16Tile.packed(queries, dim);
      var out = new float[count][blocks * DotKernel.BLOCK];
      var ints = new int[count][blocks * DotKernel.BLOCK];
      var floatRate = new double[rounds];
      var intRate = new double[rounds];
      for (var round = -3; round < rounds; round++) {
        var start = System.nanoTime();
        VectorCodeKernel.codeDots(codes, dim, 0, blocks, interleaved, count, out);
        var middle = System.nanoTime();
        Int16Tile.dots(pairs, dim, pairBlocks, packed, count, ints);
        var end = System.nanoTime();
        if (round >= 0) {
          floatRate[round] = macs * count / (middle - start);
          intRate[round] = macs * count / (end - middle);
        }
      }
      check(codes, dim, packed, ints, random);
      var ratios = new double[rounds];
      Arrays.setAll(ratios, r -> intRate[r] / floatRate[r]);
      System.out.printf(
          "%2d queries: float tile %.1f (%.1f), int16 tile %.1f (%.1f), int16 / float %.2f%n",
          count, median(floatRate), max(floatRate), median(intRate), max(intRate), median(ratios));
    }
  }

  /** The int16 tile's sums are the exact integer dot products (sampled rows and queries). */
  private static void check(byte[] codes, int dim, int[] packed, int[][] ints, Random random) {
    for (var sample = 0; sample < 64; sample++) {
      var q = random.nextInt(ints.length);
      var row = random.nextInt(ints[q].length);
      var at = q / Int16Tile.GROUP * dim / 2 * Int16Tile.GROUP + q % Int16Tile.GROUP;
      var sum = 0;
      for (var j = 0; j < dim; j++) {
        var pair = packed[at + j / 2 * Int16Tile.GROUP];
        var code = j % 2 == 0 ? (short) pair : pair >> 16;
        sum +=
            code
                * codes[
                    (row / DotKernel.BLOCK * dim + j) * DotKernel.BLOCK + row % DotKernel.BLOCK];
      }
      if (sum != ints[q][row]) {
        throw new AssertionError("int16 tile: row " + row + " query " + q);
      }
    }
  }
}
