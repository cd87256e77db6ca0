package dev.lmi.handler.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lmi.handler.similarity.FlatIndex;
import dev.lmi.handler.similarity.ScanBatcher;
import dev.lmi.handler.similarity.SimilaritySearch;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ClosedLoopTest {

  @Test
  void countsOnlyAnswersInTheWindowAndKeepsEveryAnswerForTheExactnessCheck() throws Exception {
    var random = new Random(3);
    var dim = 16;
    var rows = new float[2_000 * dim];
    for (var i = 0; i < rows.length; i++) {
      rows[i] = (float) random.nextGaussian();
    }
    var index = new FlatIndex(rows, dim);
    var queries = new float[5][dim];
    for (var query : queries) {
      for (var j = 0; j < dim; j++) {
        query[j] = (float) random.nextGaussian();
      }
    }
    try (var pool = SimilaritySearch.sharedExecutor(2)) {
      var batcher = new ScanBatcher(index, pool, 2);
      var run = ClosedLoop.run(batcher, queries, 3, 4, 200);
      assertThat(run.qps()).isPositive();
      assertThat(run.cpuMsPerQuery()).isPositive();
      assertThat(run.answers()).isNotEmpty().doesNotContainNull();
      assertThat(run.answers().length)
          .as("every caller's ramp and drain answers kept")
          .isGreaterThan(8);
      for (var slot = 0; slot < run.answers().length; slot++) {
        var expected = index.search(queries[slot % queries.length], 3);
        assertThat(run.answers()[slot].rows()).containsExactly(expected.rows());
      }
      assertThat(run.othersShare())
          .satisfiesAnyOf(
              share -> assertThat(share).isNaN(), share -> assertThat(share).isBetween(0.0, 1.0));
    }
  }
}
