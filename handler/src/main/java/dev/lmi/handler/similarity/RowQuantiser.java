package dev.lmi.handler.similarity;

/**
 * Int8 codes for one centred, rotated row, and its slack: a bound, per unit of query norm, on how
 * far the first pass's estimate can be from the row's exact float32 score.
 */
final class RowQuantiser {

  /** The unit roundoff of float32. */
  private static final double UNIT = 0x1p-24;

  /** What {@link #quantise} found: the row's scale and slack. */
  record Quantised(float scale, float slack) {}

  private final double gamma;
  private final double meanNorm;
  private final double floor;

  RowQuantiser(int dim, double meanNorm) {
    // Any order of summing dim float products errs by at most gamma times the sum of magnitudes.
    this.gamma = 1.01 * dim * UNIT / (1 - dim * UNIT);
    this.meanNorm = meanNorm;
    // Underflow errs in absolute terms; with a query norm of at least 2^-60 this covers it.
    this.floor = dim * 0x1p-80;
  }

  /**
   * With {@code y = T (x - mean)} and codes {@code c}, for any query {@code q}: {@code q·x = q·mean
   * + (Tq)·(s c) + (Tq)·r} with residual {@code r = y - s c}, so the estimate {@code q·mean + s
   * (c·Tq)} is off by {@code |(Tq)·r| <= |r| |q|} (Cauchy-Schwarz) plus float rounding: of the
   * exact score (gamma |x| |q|), of the first pass (gamma s|c| |q|), of the rotated query (2^-24
   * s|c| |q|), of the estimate and bound arithmetic (a few units of |mean| + s|c|), and of the
   * double-precision rotation (1e-9 covers it many times over).
   */
  Quantised quantise(double[] rotated, double rowNorm, double centredNorm, byte[] codes) {
    var max = 0.0;
    for (var v : rotated) {
      max = Math.max(max, Math.abs(v));
    }
    var scale = (float) (max / 127);
    var residual = 0.0;
    var codeNorm = 0.0;
    for (var j = 0; j < rotated.length; j++) {
      var code =
          scale == 0 ? 0 : (int) Math.max(-127, Math.min(127, Math.rint(rotated[j] / scale)));
      codes[j] = (byte) code;
      var error = rotated[j] - (double) scale * code;
      residual += error * error;
      codeNorm += (double) code * code;
    }
    var scaled = scale * Math.sqrt(codeNorm);
    var slack =
        Math.sqrt(residual)
            + (gamma + 8 * UNIT) * (scaled + rowNorm + meanNorm)
            + 1e-9 * (centredNorm + scaled);
    return new Quantised(scale, Math.nextUp((float) (1.001 * slack + floor)));
  }
}
