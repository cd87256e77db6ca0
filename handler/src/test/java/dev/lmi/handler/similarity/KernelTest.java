package dev.lmi.handler.similarity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.assertj.core.data.Offset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KernelTest {

  private static final DotKernel VECTOR = DotKernels.best();
  private static final DotKernel SCALAR = DotKernels.scalar();

  @ParameterizedTest
  @ValueSource(ints = {1, 3, 15, 16, 17, 33, 384, 1000})
  void aRowScoresTheSameBitForBitAloneOrAmongOthers(int dim) {
    assertThat(VECTOR.name()).startsWith("vector-api");
    var random = new Random(dim);
    var data = FlatIndexTest.randomUnitRows(random, 23, dim);
    var query = VectorMath.normalised(FlatIndexTest.randomRow(random, dim));
    for (var kernel : new DotKernel[] {VECTOR, SCALAR}) {
      var out = new float[23];
      kernel.dots(data, dim, 0, 23, query, out);
      var tail = new float[20];
      kernel.dots(data, dim, 3, 23, query, tail);
      for (var row = 0; row < 23; row++) {
        var alone = kernel.dot(data, row * dim, query);
        assertThat(out[row]).isEqualTo(alone);
        assertThat(alone)
            .isCloseTo(SCALAR.dot(data, row * dim, query), Offset.offset(1e-5f))
            .isCloseTo(
                (float) Reference.scores(data, dim, query)[row],
                Offset.offset((float) Reference.roundingBound(data, dim, query)));
        if (row >= 3) {
          assertThat(tail[row - 3]).isEqualTo(alone);
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 16, 17, 26, 28, 32})
  void int8ScansAgreeForOneQueryAndForMany(int queries) {
    var random = new Random(queries);
    var dim = 37;
    // Blocks 1 to 8: a tile of four units and three left over on 512-bit vectors, three tiles and
    // two left over on 256-bit ones.
    var blocks = 8;
    var codes = new byte[blocks * DotKernel.BLOCK * dim + 64];
    random.nextBytes(codes);
    var query = new float[queries][];
    var batch = new float[queries][blocks * DotKernel.BLOCK];
    for (var q = 0; q < queries; q++) {
      query[q] = FlatIndexTest.randomRow(random, dim);
    }
    VECTOR.codeDots(codes, dim, 1, blocks, DotKernel.interleave(query, dim), queries, batch);
    var scalarBatch = new float[queries][blocks * DotKernel.BLOCK];
    SCALAR.codeDots(codes, dim, 1, blocks, DotKernel.interleave(query, dim), queries, scalarBatch);
    for (var q = 0; q < queries; q++) {
      var one = new float[blocks * DotKernel.BLOCK];
      var scalar = new float[blocks * DotKernel.BLOCK];
      VECTOR.codeDots(codes, dim, 1, blocks, query[q], one);
      SCALAR.codeDots(codes, dim, 1, blocks, query[q], scalar);
      for (var i = 0; i < (blocks - 1) * DotKernel.BLOCK; i++) {
        var row = DotKernel.BLOCK + i;
        var exact = 0.0;
        for (var j = 0; j < dim; j++) {
          exact +=
              codes[
                      row / DotKernel.BLOCK * DotKernel.BLOCK * dim
                          + j * DotKernel.BLOCK
                          + row % DotKernel.BLOCK]
                  * (double) query[q][j];
        }
        assertThat(batch[q][i]).isEqualTo(one[i]).isCloseTo((float) exact, Offset.offset(1e-2f));
        assertThat(scalar[i]).isCloseTo((float) exact, Offset.offset(1e-2f));
        assertThat(scalarBatch[q][i]).isEqualTo(scalar[i]);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 15, 16, 17, 63, 64, 65, 384, 1000})
  void aRowOfCodesReadFromAnyOffsetScoresWithinFloatRoundingOfTheExactDot(int length) {
    var random = new Random(length);
    var codes = new byte[3 * length + 64];
    random.nextBytes(codes);
    var query = FlatIndexTest.randomRow(random, length);
    for (var offset : new int[] {0, 1, length + 3}) {
      var exact = 0.0;
      var magnitude = 0.0;
      for (var j = 0; j < length; j++) {
        exact += codes[offset + j] * (double) query[j];
        magnitude += Math.abs(codes[offset + j] * (double) query[j]);
      }
      // Any order of summing n float products errs by at most n * 2^-24 times their magnitudes.
      var bound = 1.01 * length * 0x1p-24 * magnitude;
      for (var kernel : new DotKernel[] {VECTOR, SCALAR}) {
        assertThat((double) kernel.codeDot(codes, offset, length, query))
            .as("%s at offset %d", kernel.name(), offset)
            .isCloseTo(exact, Offset.offset(bound));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(floats = {Float.NEGATIVE_INFINITY, -0.5f, 0f, 0.3f, 2f})
  void vectorAndScalarSelectionPickTheSameRowsAndEstimatesAndNeverAPaddingRow(float threshold) {
    var random = new Random(9);
    var n = 100;
    var dots = new float[n];
    var scales = new float[n + 20];
    var slacks = new float[n + 20];
    for (var i = 0; i < n + 20; i++) {
      scales[i] = random.nextFloat() * 0.01f;
      slacks[i] = i % 17 == 0 ? Float.NaN : random.nextFloat() * 0.1f;
    }
    for (var i = 0; i < n; i++) {
      dots[i] = (float) random.nextGaussian() * 100;
    }
    var rowsVector = new int[n];
    var rowsScalar = new int[n];
    var approxVector = new float[n];
    var approxScalar = new float[n];
    var countVector =
        VECTOR.select(
            dots,
            n,
            20,
            scales,
            0.1f,
            slacks,
            1.5f,
            slacks,
            0f,
            threshold,
            rowsVector,
            approxVector);
    var countScalar =
        SCALAR.select(
            dots,
            n,
            20,
            scales,
            0.1f,
            slacks,
            1.5f,
            slacks,
            0f,
            threshold,
            rowsScalar,
            approxScalar);
    assertThat(countVector).isEqualTo(countScalar);
    if (threshold == Float.NEGATIVE_INFINITY) {
      assertThat(countVector).isEqualTo(n - 6);
    }
    assertThat(java.util.Arrays.copyOf(rowsVector, countVector))
        .containsExactly(java.util.Arrays.copyOf(rowsScalar, countScalar))
        .doesNotContain(34, 51, 68, 85, 102, 119);
    assertThat(java.util.Arrays.copyOf(approxVector, countVector))
        .containsExactly(java.util.Arrays.copyOf(approxScalar, countScalar));
  }
}
