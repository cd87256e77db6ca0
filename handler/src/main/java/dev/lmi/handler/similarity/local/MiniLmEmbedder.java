package dev.lmi.handler.similarity.local;

import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.lmi.handler.similarity.Embedder;

/** all-MiniLM-L6-v2 on ONNX Runtime, in-process and offline (384 dimensions). */
public final class MiniLmEmbedder implements Embedder {

  private final AllMiniLmL6V2EmbeddingModel model = new AllMiniLmL6V2EmbeddingModel();

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
