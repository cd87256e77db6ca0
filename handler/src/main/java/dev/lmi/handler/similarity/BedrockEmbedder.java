package dev.lmi.handler.similarity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lmi.handler.common.Json;
import java.io.IOException;
import java.util.Set;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

/** Embeddings from Amazon Bedrock (Nova Multimodal Embeddings or Titan Text Embeddings V2). */
public final class BedrockEmbedder implements Embedder {

  /** The request/response format of a model family, and the dimensions it supports. */
  public enum Format {
    NOVA(Set.of(256, 384, 1024, 3072)),
    TITAN(Set.of(256, 512, 1024));

    private final Set<Integer> dimensions;

    Format(Set<Integer> dimensions) {
      this.dimensions = dimensions;
    }

    public static Format of(String modelId) {
      return modelId.contains("titan-embed") ? TITAN : NOVA;
    }

    public boolean supports(int dimension) {
      return dimensions.contains(dimension);
    }
  }

  private final BedrockRuntimeClient client;
  private final String modelId;
  private final Format format;
  private final int dimension;

  public BedrockEmbedder(BedrockRuntimeClient client, String modelId, int dimension) {
    this.format = Format.of(modelId);
    if (!format.supports(dimension)) {
      throw new IllegalStateException(
          "EMBEDDING_DIMENSION "
              + dimension
              + " is not supported by "
              + modelId
              + "; use one of "
              + format.dimensions.stream().sorted().toList());
    }
    this.client = client;
    this.modelId = modelId;
    this.dimension = dimension;
  }

  @Override
  public float[] embed(String text, Purpose purpose) {
    var request = format == Format.NOVA ? nova(text, purpose) : titan(text);
    JsonNode response;
    try {
      var body =
          client
              .invokeModel(
                  b ->
                      b.modelId(modelId)
                          .contentType("application/json")
                          .accept("application/json")
                          .body(SdkBytes.fromUtf8String(request.toString())))
              .body();
      response = Json.MAPPER.readTree(body.asInputStream());
    } catch (SdkException | IOException e) {
      throw new EmbeddingUnavailableException("Bedrock InvokeModel failed for " + modelId, e);
    }
    var vector =
        format == Format.NOVA
            ? response.path("embeddings").path(0).path("embedding")
            : response.path("embedding");
    return toVector(vector);
  }

  private ObjectNode nova(String text, Purpose purpose) {
    var body = Json.object().put("taskType", "SINGLE_EMBEDDING");
    var params = body.putObject("singleEmbeddingParams");
    params.put("embeddingPurpose", purpose == Purpose.QUERY ? "TEXT_RETRIEVAL" : "GENERIC_INDEX");
    params.put("embeddingDimension", dimension);
    params.putObject("text").put("truncationMode", "END").put("value", text);
    return body;
  }

  private ObjectNode titan(String text) {
    return Json.object().put("inputText", text).put("dimensions", dimension).put("normalize", true);
  }

  private float[] toVector(JsonNode array) {
    if (!array.isArray() || array.size() != dimension) {
      throw new EmbeddingUnavailableException(
          modelId + " returned no " + dimension + "-dimensional embedding", null);
    }
    var vector = new float[dimension];
    for (var i = 0; i < dimension; i++) {
      var value = array.get(i);
      if (!value.isNumber()) {
        throw new EmbeddingUnavailableException(modelId + " returned a non-numeric value", null);
      }
      vector[i] = value.floatValue();
    }
    return vector;
  }

  @Override
  public String modelId() {
    return modelId;
  }

  @Override
  public int dimension() {
    return dimension;
  }
}
