package dev.lmi.handler.similarity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class QuantizedIndexTest {

  static Stream<Arguments> adversarialCases() {
    return Stream.of(
            Adversarial.all(700, 48, 1),
            Adversarial.all(333, 384, 2),
            Adversarial.all(50, 7, 3),
            Adversarial.all(260, 96, 4),
            Adversarial.all(20, 16, 5))
        .flatMap(Stream::of)
        .flatMap(
            c ->
                Stream.of(
                    Arguments.of(c, DotKernels.best(), true, true),
                    Arguments.of(c, DotKernels.scalar(), true, true),
                    Arguments.of(c, DotKernels.best(), false, false),
                    Arguments.of(c, DotKernels.best(), true, false)));
  }

  @ParameterizedTest
  @MethodSource("adversarialCases")
  void everyRowsExactScoreLiesWithinItsBound(
      Adversarial.Case c, DotKernel kernel, boolean centre, boolean rotate) {
    var index = new QuantizedIndex(new FlatIndex(c.data(), c.dim(), kernel), centre, rotate);
    var scan = index.scan(c.queries(), new int[c.queries().length]);
    Reference.assertEveryRowWithinItsBound(index.exact(), c.queries(), scan::estimates);
  }

  @ParameterizedTest
  @MethodSource("adversarialCases")
  void topKIsTheBruteForceTopKAndTheFlatIndexOne(
      Adversarial.Case c, DotKernel kernel, boolean centre, boolean rotate) {
    var flat = new FlatIndex(c.data(), c.dim(), kernel);
    var index = new QuantizedIndex(flat, centre, rotate);
    for (var k : new int[] {1, 10, 50}) {
      var batch = index.search(c.queries(), k, null, 1);
      for (var q = 0; q < c.queries().length; q++) {
        var single = index.search(c.queries()[q], k);
        Reference.assertExactTopK(flat, c.queries()[q], k, single);
        var expected = flat.search(c.queries()[q], k);
        assertThat(single.rows()).containsExactly(expected.rows());
        assertThat(single.scores()).containsExactly(expected.scores());
        assertThat(batch[q].rows()).containsExactly(expected.rows());
      }
    }
  }

  @Test
  void aScanSplitOverThreadsAndBatchedWithMixedKGivesEachQueryItsOwnTopK() {
    var random = new Random(3);
    var data = Adversarial.anisotropic(random, 20_000, 64);
    var flat = new FlatIndex(data, 64);
    var index = new QuantizedIndex(flat);
    var queries = new float[13][];
    var ks = new int[13];
    for (var q = 0; q < 13; q++) {
      queries[q] = VectorMath.normalised(FlatIndexTest.randomRow(random, 64));
      ks[q] = 1 + q * 4;
    }
    try (var pool = Executors.newFixedThreadPool(3)) {
      var batch = Ranges.run(pool, 4, index.scan(queries, ks));
      for (var q = 0; q < 13; q++) {
        var expected = flat.search(queries[q], ks[q]);
        assertThat(batch[q].rows()).containsExactly(expected.rows());
        assertThat(index.search(queries[q], ks[q], pool, 4).rows())
            .containsExactly(expected.rows());
        assertThat(flat.search(queries[q], ks[q], pool, 4).rows()).containsExactly(expected.rows());
      }
    }
  }

  @Test
  void onePartTakingRangesOutOfOrderGivesTheSameTopKAsOneWholeScan() {
    var random = new Random(5);
    var flat = new FlatIndex(Adversarial.anisotropic(random, 5_000, 48), 48);
    var queries = new float[11][];
    var ks = new int[11];
    for (var q = 0; q < 11; q++) {
      queries[q] = VectorMath.normalised(FlatIndexTest.randomRow(random, 48));
      ks[q] = 10;
    }
    for (ExactSearch search : new ExactSearch[] {new QuantizedIndex(flat), flat}) {
      // Cut at single blocks (ranges end inside a tile) and at the scan's own grain.
      for (var grain : new int[] {DotKernel.BLOCK, search.scan(queries, ks).grain()}) {
        var bounds = Ranges.split(flat.size(), grain, 7);
        var tops = inTwoPartsBackwards(search.scan(queries, ks), bounds);
        for (var q = 0; q < 11; q++) {
          assertThat(tops[q].rows()).containsExactly(flat.search(queries[q], 10).rows());
        }
      }
    }
  }

  /** Ranges last to first, dealt unevenly to two parts, as tasks claiming ranges may take them. */
  private static <P> TopK[] inTwoPartsBackwards(RowScan<P> scan, int[] bounds) {
    var first = scan.start();
    var second = scan.start();
    for (var i = bounds.length - 2; i >= 0; i--) {
      scan.scan(i % 3 == 0 ? first : second, bounds[i], bounds[i + 1]);
    }
    return scan.finish(java.util.List.of(first, second));
  }

  @Test
  void centringAndRotationTightenTheBoundsOnAnisotropicData() {
    var random = new Random(4);
    var flat = new FlatIndex(Adversarial.anisotropic(random, 4_000, 128), 128);
    var queries = new float[][] {java.util.Arrays.copyOfRange(flat.data(), 0, 128)};
    var plain = new QuantizedIndex(flat, false, false).survivors(queries, 10)[0];
    var tuned = new QuantizedIndex(flat).survivors(queries, 10)[0];
    assertThat(tuned).isLessThan(plain / 4);
  }
}
