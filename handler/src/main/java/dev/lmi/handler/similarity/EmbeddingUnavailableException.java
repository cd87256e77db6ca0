package dev.lmi.handler.similarity;

/** The embedding service failed or answered something unusable: the request gets a 502. */
public final class EmbeddingUnavailableException extends RuntimeException {

  public EmbeddingUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
