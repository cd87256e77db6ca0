package dev.lmi.handler.similarity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PrefixIndexTest {

  static Stream<Arguments> adversarialCases() {
    return Stream.of(
            Adversarial.all(700, 48, 11),
            Adversarial.all(333, 384, 12),
            Adversarial.all(50, 7, 13),
            Adversarial.all(260, 96, 14),
            Adversarial.all(20, 16, 15))
        .flatMap(Stream::of)
        .flatMap(
            c ->
                Stream.of(
                    Arguments.of(c, DotKernels.best(), 1),
                    Arguments.of(c, DotKernels.best(), Math.max(1, c.dim() / 4)),
                    Arguments.of(c, DotKernels.scalar(), Math.min(c.dim(), 8))));
  }

  static PrefixIndex prefixIndex(FlatIndex flat, int prefix) {
    var quantised = new QuantizedIndex(flat);
    var basis = PrefixBasis.of(flat, quantised.mean(), prefix, 3);
    var projections = new float[flat.size() * prefix];
    PrefixIndex.project(flat, basis, 0, prefix, projections, prefix);
    return new PrefixIndex(quantised, quantised.rowCodes(), basis, projections, prefix, prefix);
  }

  @ParameterizedTest
  @MethodSource("adversarialCases")
  void everyRowsExactScoreLiesWithinItsPrefixBound(
      Adversarial.Case c, DotKernel kernel, int prefix) {
    var index = prefixIndex(new FlatIndex(c.data(), c.dim(), kernel), prefix);
    var scan = index.scan(c.queries(), new int[c.queries().length]);
    Reference.assertEveryRowWithinItsBound(index.exact(), c.queries(), scan::estimates);
  }

  @ParameterizedTest
  @MethodSource("adversarialCases")
  void topKIsTheBruteForceTopKAloneAndInABatch(Adversarial.Case c, DotKernel kernel, int prefix) {
    var flat = new FlatIndex(c.data(), c.dim(), kernel);
    var index = prefixIndex(flat, prefix);
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
  void aScanSplitOverThreadsWithMixedKGivesEachQueryItsOwnTopK() {
    var random = new Random(3);
    var flat = new FlatIndex(Adversarial.anisotropic(random, 20_000, 64), 64);
    var index = prefixIndex(flat, 8);
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
      }
    }
  }

  @Test
  void aShortPrefixRulesOutMostRowsWhenVarianceSitsInAFewDirections() {
    var random = new Random(4);
    var flat = new FlatIndex(Adversarial.anisotropic(random, 8_000, 256), 256);
    var index = prefixIndex(flat, 8);
    var queries = new float[][] {java.util.Arrays.copyOfRange(flat.data(), 0, 256)};
    var work = index.work(queries, 10)[0];
    assertThat(work[0]).isLessThan(flat.size() / 10);
    assertThat(work[1]).isLessThan(new QuantizedIndex(flat).survivors(queries, 10)[0] * 2);
  }
}
