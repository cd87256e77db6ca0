package dev.lmi.handler.bench;

import java.util.concurrent.ConcurrentHashMap;

/**
 * A catalog of product families: rows around one of 1,000 random centres (cosine to the centre
 * about 0.8); then 5% of rows become exact copies of another row (the same product listed twice:
 * exact ties) and 5% copies plus noise of 1e-3 (a colour variant: near ties). Queries are drawn
 * around the same centres.
 */
final class Clustered implements Shapes.RowSource {

  private static final int CLUSTERS = 1_000;
  private static final long CENTRE_SEED = 11;

  private final ConcurrentHashMap<Integer, float[]> centres = new ConcurrentHashMap<>();

  @Override
  public float[] row(long seed, int index, int dim) {
    var random = Shapes.random(seed, index);
    var centre = centres.computeIfAbsent(random.nextInt(CLUSTERS), key -> centre(key, dim));
    var row = new float[dim];
    var scale = 0.75 / Math.sqrt(dim);
    for (var j = 0; j < dim; j++) {
      row[j] = (float) (centre[j] + scale * Shapes.gaussian(random));
    }
    return row;
  }

  private static float[] centre(int key, int dim) {
    var random = Shapes.random(CENTRE_SEED, key);
    var centre = new float[dim];
    for (var j = 0; j < dim; j++) {
      centre[j] = (float) (Shapes.gaussian(random) / Math.sqrt(dim));
    }
    return centre;
  }

  /** In row order, so a copied row is already final. */
  void duplicate(float[] data, int dim, long seed) {
    var rows = data.length / dim;
    var random = Shapes.random(seed, -1);
    for (var row = 1; row < rows; row++) {
      var draw = random.nextDouble();
      var source = random.nextInt(row);
      if (draw < 0.10) {
        System.arraycopy(data, source * dim, data, row * dim, dim);
      }
      if (draw >= 0.05 && draw < 0.10) {
        var norm = 0.0;
        for (var j = 0; j < dim; j++) {
          data[row * dim + j] += (float) (1e-3 / Math.sqrt(dim) * Shapes.gaussian(random));
          norm += (double) data[row * dim + j] * data[row * dim + j];
        }
        for (var j = 0; j < dim; j++) {
          data[row * dim + j] = (float) (data[row * dim + j] / Math.sqrt(norm));
        }
      }
    }
  }
}
