package dev.lmi.handler.bench;

import dev.lmi.handler.similarity.VectorMath;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Generated data shaped like real embeddings, unit-length rows as the handler stores them; queries
 * are fresh draws from the same distribution. Reproducible from the seed, generated in parallel.
 */
final class Shapes {

  /** A kind of data, its default size, and how a row is drawn. */
  record Shape(String name, int rows, int dim, RowSource source) {}

  /** Draws row {@code index} of a data set (or query set) identified by {@code seed}. */
  interface RowSource {
    float[] row(long seed, int index, int dim);
  }

  static final List<Shape> ALL =
      List.of(
          new Shape("gaussian", 100_000, 384, Shapes::gaussian),
          new Shape("clustered", 100_000, 384, new Clustered()),
          new Shape("powerlaw", 20_000, 3072, new PowerLaw()),
          new Shape("anisotropic", 30_000, 1024, Shapes::anisotropic));

  private Shapes() {}

  static Shape named(String name) {
    return ALL.stream()
        .filter(shape -> shape.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new BenchOptions.UsageException(
                    "unknown shape "
                        + name
                        + "; one of gaussian, clustered, powerlaw, anisotropic"));
  }

  /** A catalog ({@code catalog}: with the shape's duplicates, if it has any) or a query set. */
  static float[] generate(RowSource source, int rows, int dim, long seed, boolean catalog) {
    var data = new float[rows * dim];
    IntStream.range(0, rows)
        .parallel()
        .forEach(
            row -> {
              var unit = VectorMath.normalised(source.row(seed, row, dim));
              System.arraycopy(unit, 0, data, row * dim, dim);
            });
    if (catalog && source instanceof Clustered clustered) {
      clustered.duplicate(data, dim, seed);
    }
    return data;
  }

  static SplittableRandom random(long seed, int index) {
    return new SplittableRandom(seed * 1_000_003L + index);
  }

  static double gaussian(SplittableRandom random) {
    // Box-Muller: SplittableRandom has no nextGaussian on Java 21.
    var u = 1.0 - random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
  }

  private static float[] gaussian(long seed, int index, int dim) {
    var random = random(seed, index);
    var row = new float[dim];
    for (var j = 0; j < dim; j++) {
      row[j] = (float) gaussian(random);
    }
    return row;
  }

  /**
   * Transformer embeddings' "rogue dimensions": eight fixed coordinates carry a large offset
   * (uniform in [-2, 2]) and unit variance, the other coordinates noise of deviation 0.05, so about
   * nine tenths of a row's energy sits in eight coordinates.
   */
  private static float[] anisotropic(long seed, int index, int dim) {
    var fixed = random(7, 0);
    var rogue = new int[Math.min(8, dim)];
    var offset = new double[rogue.length];
    for (var i = 0; i < rogue.length; i++) {
      rogue[i] = fixed.nextInt(dim);
      offset[i] = fixed.nextDouble(-2, 2);
    }
    var random = random(seed, index);
    var row = new float[dim];
    for (var j = 0; j < dim; j++) {
      row[j] = (float) (0.05 * gaussian(random));
    }
    for (var i = 0; i < rogue.length; i++) {
      row[rogue[i]] = (float) (offset[i] + gaussian(random));
    }
    return row;
  }
}
