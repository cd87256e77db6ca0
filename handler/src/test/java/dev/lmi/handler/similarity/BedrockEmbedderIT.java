package dev.lmi.handler.similarity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lmi.handler.common.Json;
import dev.lmi.handler.testing.HttpStub;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

class BedrockEmbedderIT {

  private HttpStub stub;
  private BedrockRuntimeClient client;

  @BeforeEach
  void start() {
    stub = new HttpStub();
    client =
        BedrockRuntimeClient.builder()
            .endpointOverride(stub.endpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .httpClient(UrlConnectionHttpClient.create())
            .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
            .build();
  }

  @AfterEach
  void stop() {
    client.close();
    stub.close();
  }

  @Test
  void novaSendsTheSingleEmbeddingRequestAndReadsTheFirstEmbedding() throws Exception {
    stub.respond(
        200,
        "{\"embeddings\":[{\"embeddingType\":\"TEXT\",\"embedding\":" + vector(384) + "}]}",
        null);
    var embedder = new BedrockEmbedder(client, Embedders.NOVA_MODEL, 384);

    var embedding = embedder.embed("noise cancelling headphones", Embedder.Purpose.QUERY);

    assertThat(embedding).hasSize(384);
    assertThat(embedding[3]).isEqualTo(0.003f);
    var request = stub.requests().get(0);
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.rawPath())
        .isEqualTo("/model/amazon.nova-2-multimodal-embeddings-v1%3A0/invoke");
    assertThat(request.contentType()).isEqualTo("application/json");
    assertThat(Json.MAPPER.readTree(request.body()))
        .isEqualTo(
            Json.MAPPER.readTree(
                "{\"taskType\":\"SINGLE_EMBEDDING\",\"singleEmbeddingParams\":{"
                    + "\"embeddingPurpose\":\"TEXT_RETRIEVAL\",\"embeddingDimension\":384,"
                    + "\"text\":{\"truncationMode\":\"END\",\"value\":\"noise cancelling headphones\"}}}"));
  }

  @Test
  void novaEmbedsCatalogItemsForGenericIndexing() throws Exception {
    stub.respond(200, "{\"embeddings\":[{\"embedding\":" + vector(256) + "}]}", null);
    new BedrockEmbedder(client, Embedders.NOVA_MODEL, 256).embed("kettle", Embedder.Purpose.INDEX);
    var params = Json.MAPPER.readTree(stub.requests().get(0).body()).get("singleEmbeddingParams");
    assertThat(params.get("embeddingPurpose").textValue()).isEqualTo("GENERIC_INDEX");
    assertThat(params.get("embeddingDimension").intValue()).isEqualTo(256);
  }

  @Test
  void titanSendsInputTextWithDimensionsAndNormalisationAndReadsEmbedding() throws Exception {
    stub.respond(200, "{\"embedding\":" + vector(512) + ",\"inputTextTokenCount\":4}", null);
    var embedder = new BedrockEmbedder(client, Embedders.TITAN_MODEL, 512);

    var embedding = embedder.embed("cast iron skillet", Embedder.Purpose.QUERY);

    assertThat(embedding).hasSize(512);
    assertThat(embedding[511]).isEqualTo(0.511f);
    var request = stub.requests().get(0);
    assertThat(request.rawPath()).isEqualTo("/model/amazon.titan-embed-text-v2%3A0/invoke");
    assertThat(Json.MAPPER.readTree(request.body()))
        .isEqualTo(
            Json.MAPPER.readTree(
                "{\"inputText\":\"cast iron skillet\",\"dimensions\":512,\"normalize\":true}"));
  }

  @Test
  void throttlingBecomesEmbeddingUnavailable() {
    stub.respond(429, "{\"message\":\"Too many requests\"}", "ThrottlingException");
    var embedder = new BedrockEmbedder(client, Embedders.NOVA_MODEL, 384);
    assertThatThrownBy(() -> embedder.embed("q", Embedder.Purpose.QUERY))
        .isInstanceOf(EmbeddingUnavailableException.class);
  }

  @Test
  void anEmbeddingOfTheWrongLengthBecomesEmbeddingUnavailable() {
    stub.respond(200, "{\"embedding\":" + vector(256) + "}", null);
    var embedder = new BedrockEmbedder(client, Embedders.TITAN_MODEL, 512);
    assertThatThrownBy(() -> embedder.embed("q", Embedder.Purpose.QUERY))
        .isInstanceOf(EmbeddingUnavailableException.class)
        .hasMessageContaining("512");
  }

  @Test
  void unsupportedDimensionsFailAtConstruction() {
    assertThatThrownBy(() -> new BedrockEmbedder(client, Embedders.TITAN_MODEL, 384))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("EMBEDDING_DIMENSION 384")
        .hasMessageContaining("[256, 512, 1024]");
  }

  private static String vector(int dim) {
    return IntStream.range(0, dim)
        .mapToObj(i -> Float.toString(i / 1000f))
        .collect(Collectors.joining(",", "[", "]"));
  }
}
