package dev.lmi.handler.similarity;

import java.util.SplittableRandom;

/**
 * A fixed random orthogonal transform {@code (M ⊗ H) D} of {@code dim = odd * 2^m}: random signs
 * {@code D}, a normalised Walsh-Hadamard transform {@code H} on each run of {@code 2^m}, and a
 * random orthogonal {@code M} mixing the runs. It spreads a vector's energy over all coordinates,
 * so no few coordinates set an int8 scale, in O(dim log dim). Dot products are unchanged.
 */
final class Rotation {

  /** Beyond this many odd-sized runs (dims like 1000 = 125 * 8) the runs are not mixed. */
  private static final int MAX_MIXED = 32;

  private final int dim;
  private final int width;
  private final int runs;
  private final double[] signs;
  private final double[] mix;

  Rotation(int dim, long seed) {
    this.dim = dim;
    this.width = Integer.lowestOneBit(dim);
    this.runs = dim / width;
    var random = new SplittableRandom(seed);
    this.signs = new double[dim];
    for (var j = 0; j < dim; j++) {
      signs[j] = random.nextBoolean() ? 1 : -1;
    }
    this.mix = runs > 1 && runs <= MAX_MIXED ? orthogonal(runs, random) : null;
  }

  /** {@code T x} in double precision. */
  double[] apply(double[] x) {
    var y = new double[dim];
    for (var j = 0; j < dim; j++) {
      y[j] = x[j] * signs[j];
    }
    var scale = 1 / Math.sqrt(width);
    for (var run = 0; run < runs; run++) {
      hadamard(y, run * width, width);
    }
    for (var j = 0; j < dim; j++) {
      y[j] *= scale;
    }
    return mix == null ? y : mixRuns(y);
  }

  private static void hadamard(double[] y, int offset, int n) {
    for (var half = 1; half < n; half <<= 1) {
      for (var i = 0; i < n; i += half << 1) {
        for (var j = offset + i; j < offset + i + half; j++) {
          var a = y[j];
          var b = y[j + half];
          y[j] = a + b;
          y[j + half] = a - b;
        }
      }
    }
  }

  private double[] mixRuns(double[] y) {
    var z = new double[dim];
    for (var row = 0; row < runs; row++) {
      for (var col = 0; col < runs; col++) {
        var m = mix[row * runs + col];
        for (var p = 0; p < width; p++) {
          z[row * width + p] += m * y[col * width + p];
        }
      }
    }
    return z;
  }

  /** A random orthogonal matrix: Gram-Schmidt (twice, for accuracy) on Gaussian rows. */
  private static double[] orthogonal(int n, SplittableRandom random) {
    var m = new double[n * n];
    for (var i = 0; i < m.length; i++) {
      var u = 1.0 - random.nextDouble();
      m[i] = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
    for (var row = 0; row < n; row++) {
      for (var pass = 0; pass < 2; pass++) {
        for (var prev = 0; prev < row; prev++) {
          subtract(m, n, row, prev, dot(m, n, row, prev));
        }
      }
      var norm = Math.sqrt(dot(m, n, row, row));
      for (var k = 0; k < n; k++) {
        m[row * n + k] /= norm;
      }
    }
    return m;
  }

  private static double dot(double[] m, int n, int a, int b) {
    var sum = 0.0;
    for (var k = 0; k < n; k++) {
      sum += m[a * n + k] * m[b * n + k];
    }
    return sum;
  }

  private static void subtract(double[] m, int n, int row, int from, double times) {
    for (var k = 0; k < n; k++) {
      m[row * n + k] -= times * m[from * n + k];
    }
  }
}
