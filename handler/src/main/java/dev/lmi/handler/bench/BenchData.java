package dev.lmi.handler.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;

/** Vectors as raw little-endian float32 files, and the scratch directory the run cleans up. */
final class BenchData {

  private BenchData() {}

  static float[] read(Path file, int dim) throws IOException {
    try (var channel = FileChannel.open(file, StandardOpenOption.READ)) {
      var size = channel.size();
      if (size == 0 || size % ((long) dim * Float.BYTES) != 0) {
        throw new BenchOptions.UsageException(
            file
                + " has "
                + size
                + " bytes: not a whole number of rows of "
                + dim
                + " float32 values; check --dim");
      }
      if (size / Float.BYTES > Integer.MAX_VALUE - 64) {
        throw new BenchOptions.UsageException(file + " is too large for one Java array");
      }
      var buffer =
          channel.map(FileChannel.MapMode.READ_ONLY, 0, size).order(ByteOrder.LITTLE_ENDIAN);
      var values = new float[(int) (size / Float.BYTES)];
      buffer.asFloatBuffer().get(values);
      // The handler refuses such embeddings (CategoryIndex); scored, they would make "exact" moot.
      for (var i = 0; i < values.length; i++) {
        if (!Float.isFinite(values[i])) {
          throw new BenchOptions.UsageException(
              file
                  + ": row "
                  + i / dim
                  + ", value "
                  + i % dim
                  + " is "
                  + values[i]
                  + "; embeddings must be finite float32 values");
        }
      }
      return values;
    } catch (NoSuchFileException e) {
      throw new BenchOptions.UsageException("no such file: " + file);
    }
  }

  static void write(Path file, float[] values) throws IOException {
    var buffer = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    buffer.asFloatBuffer().put(values);
    Files.write(file, buffer.array());
  }

  static float[] row(float[] data, int dim, int row) {
    var vector = new float[dim];
    System.arraycopy(data, row * dim, vector, 0, dim);
    return vector;
  }

  /** A scratch directory, deleted on close and, should the run be killed, at JVM exit. */
  static final class Scratch implements AutoCloseable {
    final Path dir;
    private final Thread hook;

    Scratch() throws IOException {
      dir = Files.createTempDirectory("similarity-bench");
      hook = new Thread(this::delete);
      Runtime.getRuntime().addShutdownHook(hook);
    }

    @Override
    public void close() {
      delete();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // Already shutting down: the hook runs, deleting nothing more.
      }
    }

    private void delete() {
      try (var paths = Files.walk(dir)) {
        paths.sorted(Comparator.reverseOrder()).forEach(BenchData::deleteQuietly);
      } catch (NoSuchFileException e) {
        // Deleted already.
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
