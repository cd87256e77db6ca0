package dev.lmi.handler.similarity;

import java.util.Random;

/** Data sets built to break a first pass's bound: ties, skew, tiny and huge values. */
final class Adversarial {

  /** A named data set of row-major rows and the queries to try on it. */
  record Case(String name, float[] data, int dim, float[][] queries) {
    int rows() {
      return data.length / dim;
    }

    @Override
    public String toString() {
      return name + " " + rows() + "x" + dim;
    }
  }

  private Adversarial() {}

  static Case[] all(int rows, int dim, long seed) {
    var random = new Random(seed);
    return new Case[] {
      withQueries("duplicates and ties", duplicates(random, rows, dim), dim, random),
      withQueries("anisotropic with a large mean", anisotropic(random, rows, dim), dim, random),
      withQueries("zero and near-zero rows", nearZero(random, rows, dim), dim, random),
      withQueries("huge dynamic range", hugeRange(random, rows, dim), dim, random),
      withQueries("unit gaussian", FlatIndexTest.randomUnitRows(random, rows, dim), dim, random)
    };
  }

  /** A handful of distinct rows, each repeated many times, some negated: every score ties. */
  static float[] duplicates(Random random, int rows, int dim) {
    var distinct = FlatIndexTest.randomUnitRows(random, 5, dim);
    var data = new float[rows * dim];
    for (var row = 0; row < rows; row++) {
      var source = random.nextInt(5);
      var sign = random.nextInt(4) == 0 ? -1 : 1;
      for (var j = 0; j < dim; j++) {
        data[row * dim + j] = sign * distinct[source * dim + j];
      }
    }
    return data;
  }

  /** A few coordinates carry a large shared offset and most of the variance. */
  static float[] anisotropic(Random random, int rows, int dim) {
    var data = new float[rows * dim];
    var rogue = Math.min(dim, 3);
    for (var row = 0; row < rows; row++) {
      for (var j = 0; j < dim; j++) {
        var value = j < rogue ? 5 + 2 * random.nextGaussian() : 0.01 * random.nextGaussian();
        data[row * dim + j] = (float) value;
      }
    }
    return normalise(data, dim);
  }

  /** Zero rows, rows of norm 1e-30 and rows with one denormal coordinate among unit rows. */
  static float[] nearZero(Random random, int rows, int dim) {
    var data = FlatIndexTest.randomUnitRows(random, rows, dim);
    for (var row = 0; row < rows; row += 3) {
      var scale = row % 2 == 0 ? 0f : 1e-30f;
      for (var j = 0; j < dim; j++) {
        data[row * dim + j] *= scale;
      }
    }
    data[dim] = Float.MIN_VALUE;
    return data;
  }

  /** Coordinates from 1e-20 to 1e3 in one row, row norms from 1e-6 to 1e6. */
  static float[] hugeRange(Random random, int rows, int dim) {
    var data = new float[rows * dim];
    for (var row = 0; row < rows; row++) {
      var rowScale = Math.pow(10, random.nextInt(13) - 6);
      for (var j = 0; j < dim; j++) {
        var magnitude = Math.pow(10, random.nextInt(24) - 20);
        data[row * dim + j] = (float) (rowScale * magnitude * random.nextGaussian());
      }
    }
    return data;
  }

  private static Case withQueries(String name, float[] data, int dim, Random random) {
    var rows = data.length / dim;
    var queries = new float[8][];
    for (var q = 0; q < 5; q++) {
      queries[q] = VectorMath.normalised(FlatIndexTest.randomRow(random, dim));
    }
    // A stored row, a zero query and a query of norm 1e-25.
    queries[5] = java.util.Arrays.copyOfRange(data, 0, dim);
    queries[6] = new float[dim];
    queries[7] = queries[0].clone();
    for (var j = 0; j < dim; j++) {
      queries[7][j] *= 1e-25f;
    }
    var row = rows / 2;
    for (var j = 0; j < dim; j++) {
      queries[1][j] = data[row * dim + j] + 1e-3f * queries[1][j];
    }
    return new Case(name, data, dim, queries);
  }

  private static float[] normalise(float[] data, int dim) {
    for (var row = 0; row < data.length / dim; row++) {
      var unit =
          VectorMath.normalised(java.util.Arrays.copyOfRange(data, row * dim, (row + 1) * dim));
      System.arraycopy(unit, 0, data, row * dim, dim);
    }
    return data;
  }
}
