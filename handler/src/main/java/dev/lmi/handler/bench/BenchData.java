package dev.lmi.handler.bench;

import dev.lmi.handler.similarity.VectorMath;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/** Vectors as raw little-endian float32 files, or generated unit-length Gaussian rows. */
final class BenchData {

  private BenchData() {}

  static float[] read(Path file, int dim) throws IOException {
    try (var channel = FileChannel.open(file, StandardOpenOption.READ)) {
      var size = channel.size();
      if (size % ((long) dim * Float.BYTES) != 0) {
        throw new IllegalArgumentException(
            file + " is not a whole number of " + dim + "-float rows");
      }
      var buffer =
          channel.map(FileChannel.MapMode.READ_ONLY, 0, size).order(ByteOrder.LITTLE_ENDIAN);
      var values = new float[(int) (size / Float.BYTES)];
      buffer.asFloatBuffer().get(values);
      return values;
    }
  }

  static void write(Path file, float[] values) throws IOException {
    var buffer = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    buffer.asFloatBuffer().put(values);
    Files.write(file, buffer.array());
  }

  /** Unit-length rows, like normalised embeddings; generated in parallel, reproducible. */
  static float[] generate(int rows, int dim, long seed) {
    var data = new float[rows * dim];
    IntStream.range(0, rows)
        .parallel()
        .forEach(
            row -> {
              var random = new SplittableRandom(seed * 1_000_003L + row);
              var vector = new float[dim];
              for (var j = 0; j < dim; j++) {
                vector[j] = (float) gaussian(random);
              }
              System.arraycopy(VectorMath.normalised(vector), 0, data, row * dim, dim);
            });
    return data;
  }

  private static double gaussian(SplittableRandom random) {
    // Box-Muller: SplittableRandom has no nextGaussian on Java 21.
    var u = 1.0 - random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
  }

  static float[] row(float[] data, int dim, int row) {
    var vector = new float[dim];
    System.arraycopy(data, row * dim, vector, 0, dim);
    return vector;
  }
}
