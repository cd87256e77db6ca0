package dev.lmi.handler.bench;

/**
 * Variance spread as a power law, as in real embeddings' spectra: the i-th of 256 random directions
 * carries variance proportional to 1/i, plus an isotropic floor holding a tenth as much again.
 */
final class PowerLaw implements Shapes.RowSource {

  private static final int DIRECTIONS = 256;
  private static final long DIRECTION_SEED = 13;

  private volatile float[] directions;

  @Override
  public float[] row(long seed, int index, int dim) {
    var basis = directions(dim);
    var random = Shapes.random(seed, index);
    var row = new float[dim];
    var total = 0.0;
    for (var i = 0; i < DIRECTIONS; i++) {
      total += 1.0 / (i + 1);
      var weight = (float) (Shapes.gaussian(random) / Math.sqrt(i + 1));
      for (var j = 0; j < dim; j++) {
        row[j] += weight * basis[i * dim + j];
      }
    }
    var floor = Math.sqrt(0.1 * total / dim);
    for (var j = 0; j < dim; j++) {
      row[j] += (float) (floor * Shapes.gaussian(random));
    }
    return row;
  }

  private float[] directions(int dim) {
    var basis = directions;
    if (basis == null || basis.length != DIRECTIONS * dim) {
      synchronized (this) {
        basis = directions;
        if (basis == null || basis.length != DIRECTIONS * dim) {
          basis = new float[DIRECTIONS * dim];
          var random = Shapes.random(DIRECTION_SEED, dim);
          for (var i = 0; i < basis.length; i++) {
            basis[i] = (float) (Shapes.gaussian(random) / Math.sqrt(dim));
          }
          directions = basis;
        }
      }
    }
    return basis;
  }
}
