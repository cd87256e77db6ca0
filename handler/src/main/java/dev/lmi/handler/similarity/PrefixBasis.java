package dev.lmi.handler.similarity;

import java.util.SplittableRandom;

/**
 * The directions along which a category's centred rows vary most (principal components), found by
 * subspace iteration on a sample of rows, best first: a short prefix of coordinates in this basis
 * carries most of a row's deviation from the mean on real embeddings. The basis is rounded to
 * float; {@link #defect()} bounds how far it is from orthonormal, which the bounds built on it
 * account for. Any basis gives exact answers; a good one prunes more.
 */
final class PrefixBasis {

  private static final int SAMPLE_ROWS = 1_024;
  private static final int ITERATIONS = 2;

  private final int dim;
  private final float[] vectors;
  private final double defect;

  private PrefixBasis(int dim, float[] vectors) {
    this.dim = dim;
    this.vectors = vectors;
    this.defect = defect(vectors, dim);
  }

  /** Up to {@code size} directions of {@code flat}'s rows around {@code mean}. */
  static PrefixBasis of(FlatIndex flat, double[] mean, int size, long seed) {
    var dim = flat.dimension();
    var kernel = flat.kernel();
    var n = Math.min(SAMPLE_ROWS, flat.size());
    var sample = new float[n * dim];
    var transposed = new float[dim * n];
    for (var i = 0; i < n; i++) {
      var row = (int) ((long) i * flat.size() / n);
      for (var j = 0; j < dim; j++) {
        var value = (float) (flat.data()[row * dim + j] - mean[j]);
        sample[i * dim + j] = value;
        transposed[j * n + i] = value;
      }
    }
    var random = new SplittableRandom(seed);
    var basis = new float[size * dim];
    for (var i = 0; i < basis.length; i++) {
      basis[i] = (float) (random.nextDouble() - 0.5);
    }
    orthonormalise(basis, dim, kernel);
    var variance = new double[size];
    for (var iteration = 0; iteration <= ITERATIONS; iteration++) {
      var projected = multiply(sample, n, basis, size, dim, kernel);
      for (var i = 0; i < size; i++) {
        variance[i] =
            kernel.dot(
                projected, i * n, java.util.Arrays.copyOfRange(projected, i * n, (i + 1) * n));
      }
      if (iteration < ITERATIONS) {
        basis = multiply(transposed, dim, projected, size, n, kernel);
        orthonormalise(basis, dim, kernel);
      }
    }
    return new PrefixBasis(dim, sortedByVariance(basis, dim, variance));
  }

  /**
   * {@code out[i * rows + r] = a_r . b_i} for the {@code rows} rows of {@code a} and the {@code
   * size} rows of {@code b}, all of length {@code length}: sixteen rows of {@code a} at a time, so
   * each row of {@code b} is read from memory once per sixteen.
   */
  private static float[] multiply(
      float[] a, int rows, float[] b, int size, int length, DotKernel kernel) {
    var out = new float[size * rows];
    var vector = new float[length];
    for (var first = 0; first < rows; first += 16) {
      var end = Math.min(rows, first + 16);
      for (var i = 0; i < size; i++) {
        System.arraycopy(b, i * length, vector, 0, length);
        for (var r = first; r < end; r++) {
          out[i * rows + r] = kernel.dot(a, r * length, vector);
        }
      }
    }
    return out;
  }

  /** Modified Gram-Schmidt, twice; a vector that degenerates becomes zero. */
  private static void orthonormalise(float[] basis, int dim, DotKernel kernel) {
    var size = basis.length / dim;
    for (var pass = 0; pass < 2; pass++) {
      for (var i = 0; i < size; i++) {
        var vector = java.util.Arrays.copyOfRange(basis, i * dim, (i + 1) * dim);
        for (var p = 0; p < i; p++) {
          var dot = kernel.dot(basis, p * dim, vector);
          for (var j = 0; j < dim; j++) {
            vector[j] -= dot * basis[p * dim + j];
          }
        }
        var norm = Math.sqrt(kernel.dot(vector, 0, vector));
        var scale = norm > 1e-6 ? (float) (1 / norm) : 0f;
        for (var j = 0; j < dim; j++) {
          basis[i * dim + j] = vector[j] * scale;
        }
      }
    }
  }

  private static float[] sortedByVariance(float[] basis, int dim, double[] variance) {
    var size = basis.length / dim;
    var order =
        java.util.stream.IntStream.range(0, size)
            .boxed()
            .sorted((a, b) -> Double.compare(variance[b], variance[a]))
            .mapToInt(Integer::intValue)
            .toArray();
    var sorted = new float[size * dim];
    for (var i = 0; i < size; i++) {
      System.arraycopy(basis, order[i] * dim, sorted, i * dim, dim);
    }
    return sorted;
  }

  /**
   * {@code ||V^T V - I||_F} for the float vectors: products of floats are exact in double and the
   * sums err by under 1e-12 relative, so this is the defect itself for any use that allows 1e-9.
   */
  private static double defect(float[] vectors, int dim) {
    var size = vectors.length / dim;
    var sum = 0.0;
    for (var a = 0; a < size; a++) {
      for (var b = a; b < size; b++) {
        var dot = 0.0;
        for (var j = 0; j < dim; j++) {
          dot += (double) vectors[a * dim + j] * vectors[b * dim + j];
        }
        var e = dot - (a == b ? 1 : 0);
        sum += (a == b ? 1 : 2) * e * e;
      }
    }
    return Math.sqrt(sum);
  }

  /** The first {@code size} directions, each of {@code dim} floats, one after the other. */
  float[] vectors(int size) {
    return java.util.Arrays.copyOf(vectors, size * dim);
  }

  int size() {
    return vectors.length / dim;
  }

  double defect() {
    return defect;
  }
}
