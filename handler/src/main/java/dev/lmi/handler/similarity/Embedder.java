package dev.lmi.handler.similarity;

/** Turns text into an embedding vector; implementations are thread-safe. */
public interface Embedder {

  /** What the text is embedded for: some models embed queries and catalog items differently. */
  enum Purpose {
    QUERY,
    INDEX
  }

  /**
   * The embedding of {@code text}, {@link #dimension()} long.
   *
   * @throws EmbeddingUnavailableException when the embedding service fails
   */
  float[] embed(String text, Purpose purpose);

  String modelId();

  int dimension();
}
