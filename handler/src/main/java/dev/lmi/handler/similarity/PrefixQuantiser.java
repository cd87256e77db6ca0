package dev.lmi.handler.similarity;

/**
 * Int8 codes for a row's first coordinates in a {@link PrefixBasis}, and the two slacks that bound,
 * per unit of the query's prefix norm and per unit of the rest of its norm, how far the prefix
 * estimate can be from the row's exact float32 score.
 */
final class PrefixQuantiser {

  /** The unit roundoff of float32. */
  private static final double UNIT = 0x1p-24;

  /** What {@link #quantise} found: the row's scale and its two slacks. */
  record Quantised(float scale, float slackPrefix, float slackRest) {}

  private final int prefix;
  private final double gammaDim;
  private final double gammaPrefix;
  private final double defect;
  private final double meanNorm;
  private final double floor;

  PrefixQuantiser(int dim, int prefix, double defect, double meanNorm) {
    this.prefix = prefix;
    // Any order of summing n float products errs by at most gamma(n) times the sum of magnitudes.
    this.gammaDim = 1.01 * dim * UNIT / (1 - dim * UNIT);
    this.gammaPrefix = 1.01 * prefix * UNIT / (1 - prefix * UNIT);
    this.defect = defect;
    this.meanNorm = meanNorm;
    this.floor = dim * 0x1p-80;
  }

  /**
   * A bound on {@code |w| = |q - V^T u|} for a query of norm {@code norm} whose computed prefix
   * {@code u} has norm {@code prefixNorm}: {@code |w|^2 = |q|^2 - 2 u.Vq + u.(V V^T) u <= |q|^2 -
   * |u|^2 + defect |u|^2 + 2 |u| |Vq - u|}, with {@code |Vq - u| <= sqrt(m) gamma(dim) (1 + defect)
   * |q|}.
   */
  static double restNorm(double norm, double prefixNorm, int dim, int prefix, double defect) {
    var gamma = 1.01 * dim * UNIT / (1 - dim * UNIT);
    var squared =
        norm * norm
            - prefixNorm * prefixNorm
            + defect * prefixNorm * prefixNorm
            + 2 * prefixNorm * Math.sqrt(prefix) * gamma * (1 + defect) * norm;
    return Math.sqrt(Math.max(0, squared + 1e-12 * norm * norm));
  }

  /**
   * With the basis {@code V} (float rows, {@code ||V^T V - I|| <= defect}), the centred row {@code
   * y = x - mean}, its computed projection {@code p ~ V y} (each coordinate a float dot product of
   * {@code dim} terms, so {@code |p - V y| <= delta = sqrt(m) gamma(dim) (1 + defect) |x|}) and
   * codes {@code c} with {@code a = s c}: {@code y = V^T a + e} for the residual {@code e}, and for
   * any query {@code q} with a computed prefix {@code u ~ V q} and {@code w = q - V^T u}: {@code
   * q.y = a.u + a.(Vq - u) + e.w + (Ve).u}. Then {@code |Ve| <= |p - a| + delta + defect |a|} and
   * {@code |e|^2 = |y|^2 - 2 a.Vy + a.(V V^T) a <= |y|^2 - 2 a.p + |a|^2 + 2 |a| delta + defect
   * |a|^2}, so the estimate {@code q.mean + s (c.u)} is off by at most {@code |u| slackPrefix + |w|
   * slackRest}, where both slacks carry every rounding too (as {@link RowQuantiser}'s do), counted
   * once per unit of {@code |u|} and once per unit of {@code |w|}: {@code |q| <= |u| + |w|}.
   */
  Quantised quantise(double[] projection, double rowNorm, double centredNorm, byte[] codes) {
    var max = 0.0;
    for (var i = 0; i < prefix; i++) {
      max = Math.max(max, Math.abs(projection[i]));
    }
    var scale = (float) (max / 127);
    var residual = 0.0;
    var codeNorm = 0.0;
    var cross = 0.0;
    for (var i = 0; i < prefix; i++) {
      var code =
          scale == 0 ? 0 : (int) Math.max(-127, Math.min(127, Math.rint(projection[i] / scale)));
      codes[i] = (byte) code;
      var a = (double) scale * code;
      residual += (projection[i] - a) * (projection[i] - a);
      codeNorm += a * a;
      cross += a * projection[i];
    }
    var scaled = Math.sqrt(codeNorm);
    var delta = Math.sqrt(prefix) * gammaDim * (1 + defect) * rowNorm;
    var restSquared =
        centredNorm * centredNorm - 2 * cross + codeNorm + 2 * scaled * delta + defect * codeNorm;
    var rest = Math.sqrt(Math.max(0, restSquared + 1e-12 * (centredNorm * centredNorm + codeNorm)));
    var prefixError = Math.sqrt(residual) + delta + defect * scaled + gammaPrefix * scaled;
    var common =
        gammaDim * rowNorm
            + Math.sqrt(prefix) * gammaDim * (1 + defect) * scaled
            + 16 * UNIT * (meanNorm + rowNorm + centredNorm + scaled + rest)
            + 1e-9 * (rowNorm + centredNorm + meanNorm);
    return new Quantised(
        scale,
        Math.nextUp((float) (1.001 * (prefixError + common) + floor)),
        Math.nextUp((float) (1.001 * (rest + common) + floor)));
  }
}
