package dev.lmi.handler.similarity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FlatIndexTest {

  @ParameterizedTest
  @CsvSource({"1,1,1", "7,16,3", "500,32,10", "2000,384,50", "40,8,50"})
  void topKEqualsABruteForceReferenceOnRandomData(int rows, int dim, int k) {
    var random = new Random(rows * 31L + dim);
    var data = randomUnitRows(random, rows, dim);
    // Duplicate rows make exact ties, which must go to the lower row.
    System.arraycopy(data, 0, data, (rows / 2) * dim, dim);
    var index = new FlatIndex(data, dim);
    for (var q = 0; q < 5; q++) {
      var query = VectorMath.normalised(randomRow(random, dim));
      var top = index.search(query, k);
      var expected =
          IntStream.range(0, rows)
              .boxed()
              .sorted(
                  Comparator.comparingDouble((Integer row) -> -index.score(row, query))
                      .thenComparingInt(row -> row))
              .limit(k)
              .mapToInt(Integer::intValue)
              .toArray();
      assertThat(top.rows()).containsExactly(expected);
      for (var i = 0; i < expected.length; i++) {
        assertThat(top.scores()[i]).isEqualTo(index.score(expected[i], query));
        assertThat((double) top.scores()[i])
            .isCloseTo(
                doubleDot(data, expected[i] * dim, query),
                org.assertj.core.data.Offset.offset(1e-5));
      }
    }
  }

  @ParameterizedTest
  @CsvSource({"1000,64,10,4"})
  void aScanSplitIntoRangesMergesToTheSameTopK(int rows, int dim, int k, int parts) {
    var random = new Random(7);
    var index = new FlatIndex(randomUnitRows(random, rows, dim), dim);
    var query = VectorMath.normalised(randomRow(random, dim));
    var merged = new TopK(k);
    for (var p = 0; p < parts; p++) {
      merged.addAll(index.search(query, k, p * rows / parts, (p + 1) * rows / parts));
    }
    assertThat(merged.rows()).containsExactly(index.search(query, k).rows());
  }

  static float[] randomUnitRows(Random random, int rows, int dim) {
    var data = new float[rows * dim];
    for (var row = 0; row < rows; row++) {
      System.arraycopy(VectorMath.normalised(randomRow(random, dim)), 0, data, row * dim, dim);
    }
    return data;
  }

  static float[] randomRow(Random random, int dim) {
    var row = new float[dim];
    for (var i = 0; i < dim; i++) {
      row[i] = (float) random.nextGaussian();
    }
    return row;
  }

  private static double doubleDot(float[] data, int offset, float[] query) {
    double sum = 0;
    for (var i = 0; i < query.length; i++) {
      sum += (double) data[offset + i] * query[i];
    }
    return sum;
  }
}
