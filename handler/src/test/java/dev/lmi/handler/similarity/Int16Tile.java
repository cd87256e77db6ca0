package dev.lmi.handler.similarity;

import static jdk.incubator.vector.VectorOperators.ASHR;
import static jdk.incubator.vector.VectorOperators.LSHL;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The int16 first-pass tile {@link PairTileBench} measures (not used by the handler: it was not
 * faster enough to pay for the looser bound of a quantised query). Codes are re-laid in pairs of
 * dimensions within each block of 16 rows (row r's dimensions 2p and 2p + 1 side by side), so one
 * 32-byte load widens to 32 int16 lanes that a broadcast pair of 6-bit query codes multiplies
 * whole; four blocks by four queries, 16 int16 accumulators, widened to int32 (adjacent lanes
 * summed) every eight pairs, before eight products of |127 · 31| could overflow. The widening is
 * written out: past the size at which the JIT stops inlining our own methods, a call left out boxes
 * every vector it touches (4 GMAC/s instead of 55).
 */
final class Int16Tile {

  static final int GROUP = 4;
  static final int LEVELS = 31;
  private static final VectorSpecies<Byte> BYTES = ByteVector.SPECIES_256;
  private static final VectorSpecies<Short> SHORTS = ShortVector.SPECIES_512;
  private static final VectorSpecies<Integer> INTS = IntVector.SPECIES_512;
  private static final int SPAN = 8;

  /** Rows per block of the paired layout: one 32-byte load is two dimensions of 16 rows. */
  static final int BLOCK = 16;

  private Int16Tile() {}

  /**
   * Blocked codes ({@link DotKernel}) re-laid in pairs of dimensions, in blocks of {@link #BLOCK}
   * rows; {@code dim} even.
   */
  static byte[] pairs(byte[] blocked, int blocks, int dim) {
    var codes = new byte[blocks * BLOCK * dim + 64];
    for (var block = 0; block < blocks; block++) {
      for (var j = 0; j < dim; j++) {
        for (var r = 0; r < BLOCK; r++) {
          var row = block * BLOCK + r;
          codes[block * BLOCK * dim + j / 2 * 2 * BLOCK + 2 * r + j % 2] =
              blocked[(row / DotKernel.BLOCK * dim + j) * DotKernel.BLOCK + row % DotKernel.BLOCK];
        }
      }
    }
    return codes;
  }

  /** Queries as 6-bit codes (max-abs scale), pairs packed in ints, groups of four. */
  static int[] packed(float[][] queries, int dim) {
    var packed = new int[Math.ceilDiv(queries.length, GROUP) * GROUP * dim / 2];
    for (var slot = 0; slot < packed.length / (dim / 2); slot++) {
      var query = queries[Math.min(slot, queries.length - 1)];
      var max = 0f;
      for (var v : query) {
        max = Math.max(max, Math.abs(v));
      }
      var at = slot / GROUP * dim / 2 * GROUP + slot % GROUP;
      for (var p = 0; p < dim / 2; p++) {
        var even = (int) Math.rint(query[2 * p] * LEVELS / max);
        var odd = (int) Math.rint(query[2 * p + 1] * LEVELS / max);
        packed[at + p * GROUP] = (even & 0xFFFF) | (odd << 16);
      }
    }
    return packed;
  }

  /** Every block (a multiple of four) against every query: int32 dot products in {@code out}. */
  static void dots(byte[] codes, int dim, int blocks, int[] packed, int count, int[][] out) {
    var sums = new int[4 * GROUP * BLOCK];
    var stride = BLOCK * dim;
    for (var block = 0; block + 4 <= blocks; block += 4) {
      for (var first = 0; first < count; first += GROUP) {
        java.util.Arrays.fill(sums, 0);
        four(codes, dim / 2, block * stride, stride, packed, first / GROUP * dim / 2 * GROUP, sums);
        for (var i = 0; i < Math.min(GROUP, count - first); i++) {
          for (var u = 0; u < 4; u++) {
            System.arraycopy(
                sums, (u * GROUP + i) * BLOCK, out[first + i], (block + u) * BLOCK, BLOCK);
          }
        }
      }
    }
  }

  static void four(
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

  private static ShortVector widen(byte[] codes, int offset) {
    return (ShortVector)
        ByteVector.fromArray(BYTES, codes, offset).convertShape(VectorOperators.B2S, SHORTS, 0);
  }

  private static ShortVector pair(int[] packed, int at) {
    return IntVector.broadcast(INTS, packed[at]).reinterpretAsShorts();
  }
}
