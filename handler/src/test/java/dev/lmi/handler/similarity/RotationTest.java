package dev.lmi.handler.similarity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.assertj.core.data.Offset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RotationTest {

  @ParameterizedTest
  @ValueSource(ints = {1, 3, 8, 96, 384, 1000, 3072})
  void keepsLengthsAndDotProducts(int dim) {
    var rotation = new Rotation(dim, 11);
    var random = new Random(dim);
    var a = gaussian(random, dim);
    var b = gaussian(random, dim);
    var ra = rotation.apply(a);
    var rb = rotation.apply(b);
    assertThat(dot(ra, rb)).isCloseTo(dot(a, b), Offset.offset(1e-12 * dim));
    assertThat(dot(ra, ra)).isCloseTo(dot(a, a), Offset.offset(1e-12 * dim));
  }

  @ParameterizedTest
  @ValueSource(ints = {384, 1024, 3072})
  void spreadsASpikeOverEveryCoordinate(int dim) {
    var spike = new double[dim];
    spike[dim / 3] = 1;
    var rotated = new Rotation(dim, 11).apply(spike);
    var max = 0.0;
    for (var v : rotated) {
      max = Math.max(max, Math.abs(v));
    }
    assertThat(max).isLessThan(4 / Math.sqrt(dim));
  }

  private static double[] gaussian(Random random, int dim) {
    var v = new double[dim];
    for (var j = 0; j < dim; j++) {
      v[j] = random.nextGaussian();
    }
    return v;
  }

  private static double dot(double[] a, double[] b) {
    var sum = 0.0;
    for (var j = 0; j < a.length; j++) {
      sum += a[j] * b[j];
    }
    return sum;
  }
}
