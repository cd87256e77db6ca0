package dev.lmi.handler.similarity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SearchPathsTest {

  private final Random random = new Random(8);

  @Test
  void unstructuredDataGetsTheInt8FirstPassOverWholeRows() {
    var flat = new FlatIndex(FlatIndexTest.randomUnitRows(random, 8_000, 64), 64);
    var choice = SearchPaths.choose(flat, true);
    assertThat(choice.search()).isInstanceOf(QuantizedIndex.class);
    assertThat(choice.path()).isEqualTo("int8-centred-rotated+f32-rerank");
    assertThat(choice.survivorsMax()).isLessThan(800);
    assertThat(choice.reason())
        .contains("16 sample queries: int8 re-ranks median")
        .contains("int8 prefix of 8: stage two scores median");
    assertThat(choice.extraBytes()).isEqualTo(8_000L * (64 + 12));
  }

  @Test
  void dataWhoseVarianceSitsInAFewDirectionsGetsThePrefixPass() {
    var flat = new FlatIndex(Adversarial.anisotropic(random, 8_000, 64), 64);
    var choice = SearchPaths.choose(flat, true);
    assertThat(choice.search()).isInstanceOf(PrefixIndex.class);
    assertThat(choice.path()).startsWith("int8-prefix");
    assertThat(choice.stageTwoMedian()).isLessThan(800);
    assertThat(choice.survivorsMax()).isLessThan(800);
  }

  @Test
  void aCategoryOfIdenticalVectorsKeepsTheFloat32ScanBecauseNothingCanBePruned() {
    var row = VectorMath.normalised(FlatIndexTest.randomRow(random, 32));
    var data = new float[6_000 * 32];
    for (var i = 0; i < 6_000; i++) {
      System.arraycopy(row, 0, data, i * 32, 32);
    }
    var choice = SearchPaths.choose(new FlatIndex(data, 32), true);
    assertThat(choice.search()).isInstanceOf(FlatIndex.class);
    assertThat(choice.survivorsMedian()).isEqualTo(6_000);
    assertThat(choice.reason()).endsWith("int8 bounds prune too little");
  }

  @Test
  void smallCategoriesAndJvmsWithoutSimdKeepTheFloat32Scan() {
    var small = new FlatIndex(FlatIndexTest.randomUnitRows(random, 500, 16), 16);
    assertThat(SearchPaths.choose(small, true).search()).isSameAs(small);
    var large = new FlatIndex(FlatIndexTest.randomUnitRows(random, 10_000, 16), 16);
    var choice = SearchPaths.choose(large, false);
    assertThat(choice.search()).isSameAs(large);
    assertThat(choice.reason()).contains("no SIMD");
  }
}
