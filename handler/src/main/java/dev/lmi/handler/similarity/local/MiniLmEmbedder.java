package dev.lmi.handler.similarity.local;

import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.lmi.handler.similarity.Embedder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/** all-MiniLM-L6-v2 on ONNX Runtime, in-process and offline (384 dimensions). */
public final class MiniLmEmbedder implements Embedder {
  private static final String CACHE_PROPERTY = "ENGINE_CACHE_DIR";

  private final AllMiniLmL6V2EmbeddingModel model = load();

  /**
   * Loads the model with a private copy of the tokenizer's native library. A JVM lets only one
   * class loader load a native library from a given file, and a local emulator runs each execution
   * environment in its own class loader (as Lambda runs each in its own process); DJL copies the
   * library into ENGINE_CACHE_DIR before loading it, so each class loader gets its own directory.
   * The lock is JVM-wide (System.class is shared by every class loader) because the property is.
   */
  private static AllMiniLmL6V2EmbeddingModel load() {
    synchronized (System.class) {
      var previous = System.getProperty(CACHE_PROPERTY);
      try {
        var dir = Files.createTempDirectory("lmi-minilm-");
        System.setProperty(CACHE_PROPERTY, dir.toString());
        var model = new AllMiniLmL6V2EmbeddingModel();
        // The tokenizer library loads on first use: use it while the private directory is set.
        model.embed("warm up");
        // Loaded, so its copy can go: each environment would otherwise leave 14 MB behind.
        delete(dir);
        return model;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create a directory for the tokenizer library", e);
      } finally {
        if (previous == null) {
          System.clearProperty(CACHE_PROPERTY);
        } else {
          System.setProperty(CACHE_PROPERTY, previous);
        }
      }
    }
  }

  private static void delete(Path dir) {
    try (var files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      dir.toFile().deleteOnExit();
    }
  }

  @Override
  public float[] embed(String text, Purpose purpose) {
    return model.embed(text).content().vector();
  }

  @Override
  public String modelId() {
    return "sentence-transformers/all-MiniLM-L6-v2";
  }

  @Override
  public int dimension() {
    return 384;
  }
}
