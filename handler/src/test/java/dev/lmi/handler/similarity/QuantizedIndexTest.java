package dev.lmi.handler.similarity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuantizedIndexTest {

  @ParameterizedTest
  @CsvSource({
    "3000,384,10,false",
    "3000,384,10,true",
    "2500,256,50,true",
    "20,32,10,true",
    "5,8,10,false"
  })
  void givesExactlyTheFlatIndexTopK(int rows, int dim, int k, boolean vectorApi) {
    var kernel = vectorApi ? DotKernels.best() : DotKernels.scalar();
    var random = new Random(rows + dim);
    var data = clustered(random, rows, dim);
    var flat = new FlatIndex(data, dim, kernel);
    var quantised = new QuantizedIndex(flat);
    for (var q = 0; q < 20; q++) {
      var query = VectorMath.normalised(FlatIndexTest.randomRow(random, dim));
      if (q % 2 == 0) {
        // A query next to a stored row: many near-ties at the top.
        var row = random.nextInt(rows);
        for (var j = 0; j < dim; j++) {
          query[j] = data[row * dim + j] + 0.01f * query[j];
        }
      }
      var expected = flat.search(query, k);
      var actual = quantised.search(query, k);
      assertThat(actual.rows()).containsExactly(expected.rows());
      assertThat(actual.scores()).containsExactly(expected.scores());
    }
  }

  @Test
  void oneQuerySplitAcrossThreadsGivesTheSameTopK() {
    var random = new Random(3);
    var flat = new FlatIndex(FlatIndexTest.randomUnitRows(random, 20_000, 64), 64);
    var quantised = new QuantizedIndex(flat);
    try (var pool = Executors.newFixedThreadPool(3)) {
      for (var q = 0; q < 5; q++) {
        var query = VectorMath.normalised(FlatIndexTest.randomRow(random, 64));
        var expected = flat.search(query, 10).rows();
        assertThat(flat.search(query, 10, pool, 4).rows()).containsExactly(expected);
        assertThat(quantised.search(query, 10, pool, 4).rows()).containsExactly(expected);
      }
    }
  }

  @ParameterizedTest
  @CsvSource({"true,7", "false,5", "true,32"})
  void aBatchOfQueriesGivesEachQueryItsOwnExactTopK(boolean vectorApi, int batch) {
    var kernel = vectorApi ? DotKernels.best() : DotKernels.scalar();
    var random = new Random(batch);
    var data = clustered(random, 6_000, 96);
    var flat = new FlatIndex(data, 96, kernel);
    var quantised = new QuantizedIndex(flat);
    var queries = new float[batch][];
    for (var q = 0; q < batch; q++) {
      queries[q] = VectorMath.normalised(FlatIndexTest.randomRow(random, 96));
    }
    try (var pool = Executors.newFixedThreadPool(2)) {
      var results = quantised.search(queries, 10, pool, 3);
      for (var q = 0; q < batch; q++) {
        assertThat(results[q].rows()).containsExactly(flat.search(queries[q], 10).rows());
        assertThat(results[q].scores()).containsExactly(flat.search(queries[q], 10).scores());
      }
    }
  }

  @Test
  void vectorAndScalarKernelsAgreeToRounding() {
    var random = new Random(5);
    var data = FlatIndexTest.randomUnitRows(random, 50, 200);
    var query = VectorMath.normalised(FlatIndexTest.randomRow(random, 200));
    var codes = new byte[data.length];
    for (var i = 0; i < codes.length; i++) {
      codes[i] = (byte) random.nextInt(256);
    }
    var best = DotKernels.best();
    var scalar = DotKernels.scalar();
    assertThat(best.name()).startsWith("vector-api");
    for (var row = 0; row < 50; row++) {
      assertThat(best.dot(data, row * 200, query))
          .isCloseTo(
              scalar.dot(data, row * 200, query), org.assertj.core.data.Offset.offset(1e-5f));
      assertThat(best.dot(codes, row * 200, query))
          .isCloseTo(
              scalar.dot(codes, row * 200, query), org.assertj.core.data.Offset.offset(1e-3f));
      var widened = new float[200];
      best.widen(codes, row * 200, widened);
      assertThat(widened[7]).isEqualTo(codes[row * 200 + 7]);
      var four = new float[4];
      best.dot4(widened, query, query, query, query, four);
      assertThat(four[3])
          .isCloseTo(
              scalar.dot(codes, row * 200, query), org.assertj.core.data.Offset.offset(1e-3f));
    }
  }

  /** Rows around a few centres, like real embeddings: close scores at the top. */
  private static float[] clustered(Random random, int rows, int dim) {
    var centres = FlatIndexTest.randomUnitRows(random, 8, dim);
    var data = new float[rows * dim];
    for (var row = 0; row < rows; row++) {
      var centre = random.nextInt(8);
      var noise = FlatIndexTest.randomRow(random, dim);
      var vector = new float[dim];
      for (var j = 0; j < dim; j++) {
        vector[j] = centres[centre * dim + j] + 0.05f * noise[j];
      }
      System.arraycopy(VectorMath.normalised(vector), 0, data, row * dim, dim);
    }
    return data;
  }
}
