package dev.lmi.handler.similarity;

import static dev.lmi.handler.similarity.DotKernel.BLOCK;
import static jdk.incubator.vector.VectorOperators.ASHR;
import static jdk.incubator.vector.VectorOperators.LSHL;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The int16 first pass over {@link PairCodes} for a batch of {@link QueryCodes}: a tile of four
 * blocks by four queries, 16 int16 accumulators in registers, each widened load multiplied by four
 * broadcast pairs of query codes. Every eight pairs the accumulators are widened (adjacent lanes,
 * one row's two dimensions, summed into int32) before they could overflow. Vectors stay in
 * registers only as plain locals, hence the spelled-out tile; the widening is written out too,
 * because the tile is past the size at which the JIT stops inlining our own methods (a call left
 * out boxes every vector it touches, at a tenth of the speed).
 */
final class VectorPairTile {

  private static final VectorSpecies<Byte> BYTES = ByteVector.SPECIES_256;
  private static final VectorSpecies<Short> SHORTS = ShortVector.SPECIES_512;
  private static final VectorSpecies<Integer> INTS = IntVector.SPECIES_512;
  private static final int GROUP = QueryCodes.GROUP;

  /** Pairs between widenings: eight products of {@code |127 · 31|} stay under 2^15. */
  private static final int SPAN = 8;

  private VectorPairTile() {}

  /** Whether this JVM has the 512-bit int16 vectors the tile needs, in hardware. */
  static boolean supported() {
    return ShortVector.SPECIES_PREFERRED.vectorBitSize() >= 512;
  }

  static void pairDots(
      PairCodes codes, int fromBlock, int toBlock, QueryCodes queries, float[][] out) {
    var sums = new int[4 * GROUP * BLOCK];
    var stride = BLOCK * 2 * codes.pairs();
    var block = fromBlock;
    for (; block < toBlock; block += 4) {
      var units = Math.min(4, toBlock - block);
      for (var first = 0; first < queries.count(); first += GROUP) {
        java.util.Arrays.fill(sums, 0);
        var group = first / GROUP * codes.pairs() * GROUP;
        if (units == 4) {
          four(codes.codes(), codes.pairs(), block * stride, stride, queries.packed(), group, sums);
        } else {
          for (var u = 0; u < units; u++) {
            one(
                codes.codes(),
                codes.pairs(),
                (block + u) * stride,
                queries.packed(),
                group,
                sums,
                u);
          }
        }
        store(sums, units, queries, first, out, (block - fromBlock) * BLOCK);
      }
    }
  }

  /** Each real query's int32 sums, times its scale; padding queries are not written. */
  private static void store(
      int[] sums, int units, QueryCodes queries, int first, float[][] out, int at) {
    var last = Math.min(GROUP, queries.count() - first);
    for (var i = 0; i < last; i++) {
      var scale = queries.scales()[first + i];
      var row = out[first + i];
      for (var u = 0; u < units; u++) {
        for (var lane = 0; lane < BLOCK; lane++) {
          row[at + u * BLOCK + lane] = sums[(u * GROUP + i) * BLOCK + lane] * scale;
        }
      }
    }
  }

  private static void four(
      byte[] codes, int pairs, int o0, int stride, int[] packed, int group, int[] sums) {
    var o1 = o0 + stride;
    var o2 = o1 + stride;
    var o3 = o2 + stride;
    var zero = ShortVector.zero(SHORTS);
    var a0 = zero;
    var a1 = zero;
    var a2 = zero;
    var a3 = zero;
    var b0 = zero;
    var b1 = zero;
    var b2 = zero;
    var b3 = zero;
    var c0 = zero;
    var c1 = zero;
    var c2 = zero;
    var c3 = zero;
    var d0 = zero;
    var d1 = zero;
    var d2 = zero;
    var d3 = zero;
    for (var p = 0; p < pairs; p++) {
      var w = widen(codes, o0 + p * 2 * BLOCK);
      var x = widen(codes, o1 + p * 2 * BLOCK);
      var y = widen(codes, o2 + p * 2 * BLOCK);
      var z = widen(codes, o3 + p * 2 * BLOCK);
      var g = group + p * GROUP;
      var q = pair(packed, g);
      a0 = w.mul(q).add(a0);
      b0 = x.mul(q).add(b0);
      c0 = y.mul(q).add(c0);
      d0 = z.mul(q).add(d0);
      q = pair(packed, g + 1);
      a1 = w.mul(q).add(a1);
      b1 = x.mul(q).add(b1);
      c1 = y.mul(q).add(c1);
      d1 = z.mul(q).add(d1);
      q = pair(packed, g + 2);
      a2 = w.mul(q).add(a2);
      b2 = x.mul(q).add(b2);
      c2 = y.mul(q).add(c2);
      d2 = z.mul(q).add(d2);
      q = pair(packed, g + 3);
      a3 = w.mul(q).add(a3);
      b3 = x.mul(q).add(b3);
      c3 = y.mul(q).add(c3);
      d3 = z.mul(q).add(d3);
      if (p % SPAN == SPAN - 1 || p == pairs - 1) {
        IntVector.fromArray(INTS, sums, 0)
            .add(a0.reinterpretAsInts().lanewise(ASHR, 16))
            .add(a0.reinterpretAsInts().lanewise(LSHL, 16).lanewise(ASHR, 16))
            .intoArray(sums, 0);
        IntVector.fromArray(INTS, sums, 16)
            .add(a1.reinterpretAsInts().lanewise(ASHR, 16))
            .add(a1.reinterpretAsInts().lanewise(LSHL, 16).lanewise(ASHR, 16))
            .intoArray(sums, 16);
        IntVector.fromArray(INTS, sums, 32)
            .add(a2.reinterpretAsInts().lanewise(ASHR, 16))
            .add(a2.reinterpretAsInts().lanewise(LSHL, 16).lanewise(ASHR, 16))
            .intoArray(sums, 32);
        IntVector.fromArray(INTS, sums, 48)
            .add(a3.reinterpretAsInts().lanewise(ASHR, 16))
            .add(a3.reinterpretAsInts().lanewise(LSHL, 16).lanewise(ASHR, 16))
            .intoArray(sums, 48);
        IntVector.fromArray(INTS, sums, 64)
            .add(b0.reinterpretAsInts().lanewise(ASHR, 16))
            .add(b0.reinterpretAsInts().lanewise(LSHL, 16).lanewise(ASHR, 16))
            .intoArray(sums, 64);
        IntVector.fromArray(INTS, sums, 80)
            .add(b1.reinterpretAsInts().lanewise(ASHR, 16))
            .add(b1.reinterpretAsInts().lanewise(LSHL, 16).lanewise(ASHR, 16))
            .intoArray(sums, 80);
        IntVector.fromArray(INTS, sums, 96)
            .add(b2.reinterpretAsInts().lanewise(ASHR, 16))
            .add(b2.reinterpretAsInts().lanewise(LSHL, 16).lanewise(ASHR, 16))
            .intoArray(sums, 96);
        IntVector.fromArray(INTS, sums, 112)
            .add(b3.reinterpretAsInts().lanewise(ASHR, 16))
            .add(b3.reinterpretAsInts().lanewise(LSHL, 16).lanewise(ASHR, 16))
            .intoArray(sums, 112);
        IntVector.fromArray(INTS, sums, 128)
            .add(c0.reinterpretAsInts().lanewise(ASHR, 16))
            .add(c0.reinterpretAsInts().lanewise(LSHL, 16).lanewise(ASHR, 16))
            .intoArray(sums, 128);
        IntVector.fromArray(INTS, sums, 144)
            .add(c1.reinterpretAsInts().lanewise(ASHR, 16))
            .add(c1.reinterpretAsInts().lanewise(LSHL, 16).lanewise(ASHR, 16))
            .intoArray(sums, 144);
        IntVector.fromArray(INTS, sums, 160)
            .add(c2.reinterpretAsInts().lanewise(ASHR, 16))
            .add(c2.reinterpretAsInts().lanewise(LSHL, 16).lanewise(ASHR, 16))
            .intoArray(sums, 160);
        IntVector.fromArray(INTS, sums, 176)
            .add(c3.reinterpretAsInts().lanewise(ASHR, 16))
            .add(c3.reinterpretAsInts().lanewise(LSHL, 16).lanewise(ASHR, 16))
            .intoArray(sums, 176);
        IntVector.fromArray(INTS, sums, 192)
            .add(d0.reinterpretAsInts().lanewise(ASHR, 16))
            .add(d0.reinterpretAsInts().lanewise(LSHL, 16).lanewise(ASHR, 16))
            .intoArray(sums, 192);
        IntVector.fromArray(INTS, sums, 208)
            .add(d1.reinterpretAsInts().lanewise(ASHR, 16))
            .add(d1.reinterpretAsInts().lanewise(LSHL, 16).lanewise(ASHR, 16))
            .intoArray(sums, 208);
        IntVector.fromArray(INTS, sums, 224)
            .add(d2.reinterpretAsInts().lanewise(ASHR, 16))
            .add(d2.reinterpretAsInts().lanewise(LSHL, 16).lanewise(ASHR, 16))
            .intoArray(sums, 224);
        IntVector.fromArray(INTS, sums, 240)
            .add(d3.reinterpretAsInts().lanewise(ASHR, 16))
            .add(d3.reinterpretAsInts().lanewise(LSHL, 16).lanewise(ASHR, 16))
            .intoArray(sums, 240);
        a0 = zero;
        a1 = zero;
        a2 = zero;
        a3 = zero;
        b0 = zero;
        b1 = zero;
        b2 = zero;
        b3 = zero;
        c0 = zero;
        c1 = zero;
        c2 = zero;
        c3 = zero;
        d0 = zero;
        d1 = zero;
        d2 = zero;
        d3 = zero;
      }
    }
  }

  /** One block by the group's four queries: the last blocks of a range. */
  private static void one(
      byte[] codes, int pairs, int offset, int[] packed, int group, int[] sums, int unit) {
    for (var i = 0; i < GROUP; i++) {
      var acc = ShortVector.zero(SHORTS);
      for (var p = 0; p < pairs; p++) {
        acc =
            widen(codes, offset + p * 2 * BLOCK).mul(pair(packed, group + p * GROUP + i)).add(acc);
        if (p % SPAN == SPAN - 1 || p == pairs - 1) {
          flush(sums, unit * GROUP + i, acc);
          acc = ShortVector.zero(SHORTS);
        }
      }
    }
  }

  private static ShortVector widen(byte[] codes, int offset) {
    return (ShortVector)
        ByteVector.fromArray(BYTES, codes, offset).convertShape(VectorOperators.B2S, SHORTS, 0);
  }

  /** Both codes of a query's pair in every pair of lanes. */
  private static ShortVector pair(int[] packed, int at) {
    return IntVector.broadcast(INTS, packed[at]).reinterpretAsShorts();
  }

  private static void flush(int[] sums, int slot, ShortVector acc) {
    IntVector.fromArray(INTS, sums, slot * BLOCK).add(rows(acc)).intoArray(sums, slot * BLOCK);
  }

  /** Lanes {@code 2r} and {@code 2r + 1} (the low and high half of int lane r) summed. */
  private static IntVector rows(ShortVector acc) {
    var x = acc.reinterpretAsInts();
    return high(x).add(low(x));
  }

  private static IntVector high(IntVector x) {
    return x.lanewise(ASHR, 16);
  }

  private static IntVector low(IntVector x) {
    return x.lanewise(LSHL, 16).lanewise(ASHR, 16);
  }
}
