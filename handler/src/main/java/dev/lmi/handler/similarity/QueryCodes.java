package dev.lmi.handler.similarity;

/**
 * Rotated queries as 6-bit integers for the int16 first pass ({@link PairCodes}), with a bound on
 * what each loses. Immutable.
 *
 * <p>For a rotated float query {@code u} the scale is {@code t = max|u_j| / 31} and the codes
 * {@code b_j = rint(u_j / t)} clamped to [-31, 31]; {@code e = u - t b} is computed in double (each
 * term exactly: {@code t b_j} has at most 29 significant bits) and {@code lost >= |e|}. With a
 * row's codes {@code c} and scale {@code s} ({@link RowQuantiser}): {@code s (c·u) = s t (b·c) + s
 * (c·e)}, and {@code |s (c·e)| <= |e| s|c|} (Cauchy-Schwarz). The integer {@code D = b·c} is exact
 * (int16 partial sums of at most eight products of {@code |127 · 31|} stay under 2^15, then int32).
 * The pass's estimate is {@code fl(t · fl(D))}, with {@code t|D| <= t|b| |c| <= (|u| + |e|) |c|}:
 * while {@code dim <= 4261}, {@code |D| < 2^24} and {@code fl(D) = D}, so it is off from {@code t
 * D} by at most {@code 2^-24 (|u| + |e|) |c|}; beyond, by at most twice that, and {@code gamma} has
 * grown past {@code 2^-12}. The {@code |u|} part (with {@code |u| <= (1 + 2^-23) |q|}) is within
 * {@link RowQuantiser}'s allowance for the float rounding of a float first pass, {@code gamma s|c|
 * |q|} with {@code gamma >= 1.01 · 2^-24}, which this pass does not spend; the {@code |e|} part by
 * rounding {@code lost} up by a factor {@code 1 + 2^-20}. Adding {@code lost · norm(row)} to a
 * bound costs at most three more float roundings, each within {@code 2^-24} of the estimate plus
 * the bounds: within that factor, RowQuantiser's factor 1.001 on the slack, and its eight units of
 * {@code |q| (|mean| + s|c| + |x|)} for the estimate and bound arithmetic, of which the float path
 * uses four. So for every row {@code |exact - estimate| <= |q| slack(row) + lost · norm(row)},
 * {@code norm(row) >= s|c|}.
 */
final class QueryCodes {

  /** The largest code: {@code 8 · 127 · 31 < 2^15}, so eight products sum in int16. */
  static final int LEVELS = 31;

  /** Queries per group in {@link #packed()}. */
  static final int GROUP = 4;

  private final int[] packed;
  private final float[] scales;
  private final float[] lost;
  private final int count;

  /** {@code rotated} queries of {@code dim} values; pairs of codes packed in groups of four. */
  QueryCodes(float[][] rotated, int dim) {
    this.count = rotated.length;
    var pairs = PairCodes.pairs(dim);
    var groups = Math.ceilDiv(count, GROUP);
    this.packed = new int[groups * pairs * GROUP];
    this.scales = new float[count];
    this.lost = new float[count];
    var codes = new int[pairs * 2];
    // The last group is padded with its last query, quantised again to the same codes.
    for (var slot = 0; slot < groups * GROUP; slot++) {
      var q = Math.min(slot, count - 1);
      quantise(q, rotated[q], codes);
      var at = slot / GROUP * pairs * GROUP + slot % GROUP;
      for (var p = 0; p < pairs; p++) {
        packed[at + p * GROUP] = (codes[2 * p] & 0xFFFF) | (codes[2 * p + 1] << 16);
      }
    }
  }

  private void quantise(int q, float[] u, int[] codes) {
    var max = 0f;
    for (var v : u) {
      max = Math.max(max, Math.abs(v));
    }
    var scale = max / LEVELS;
    var lostSquared = 0.0;
    java.util.Arrays.fill(codes, 0);
    for (var j = 0; j < u.length; j++) {
      var code =
          scale == 0 ? 0 : (int) Math.max(-LEVELS, Math.min(LEVELS, Math.rint(u[j] / scale)));
      codes[j] = code;
      var error = u[j] - (double) scale * code;
      lostSquared += error * error;
    }
    scales[q] = scale;
    // Double sums and the square root err far below 2^-40; 2^-20 also covers float roundings.
    lost[q] = Math.nextUp((float) (Math.sqrt(lostSquared) * (1 + 0x1p-20)));
  }

  int count() {
    return count;
  }

  /** Pair {@code p} of query {@code GROUP * g + i} at {@code (g * pairs + p) * GROUP + i}. */
  int[] packed() {
    return packed;
  }

  float[] scales() {
    return scales;
  }

  /** An upper bound on {@code |u - t b|}, per query. */
  float lost(int q) {
    return lost[q];
  }
}
