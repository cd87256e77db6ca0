package dev.lmi.handler.similarity;

import dev.lmi.handler.common.AwsClients;
import dev.lmi.handler.common.Env;
import java.util.Locale;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

/**
 * Chooses the embedder from {@code EMBEDDING_PROVIDER}, {@code EMBEDDING_MODEL_ID} and dimension.
 */
public final class Embedders {

  public static final String NOVA_MODEL = "amazon.nova-2-multimodal-embeddings-v1:0";
  public static final String TITAN_MODEL = "amazon.titan-embed-text-v2:0";

  /** Lives only in similarity-handler-local.jar and the tools jar, so it is loaded by name. */
  static final String LOCAL_EMBEDDER = "dev.lmi.handler.similarity.local.MiniLmEmbedder";

  private Embedders() {}

  public static Embedder fromEnv(Env env) {
    var provider = env.get("EMBEDDING_PROVIDER", "bedrock").toLowerCase(Locale.ROOT);
    return switch (provider) {
      case "bedrock" -> bedrock(env);
      case "local" -> local(env);
      default ->
          throw new IllegalStateException(
              "EMBEDDING_PROVIDER must be 'bedrock' or 'local', got '" + provider + "'");
    };
  }

  private static Embedder bedrock(Env env) {
    var modelId = env.get("EMBEDDING_MODEL_ID", NOVA_MODEL);
    var format = BedrockEmbedder.Format.of(modelId);
    var dimension =
        env.getInt("EMBEDDING_DIMENSION", format == BedrockEmbedder.Format.NOVA ? 384 : 512);
    return new BedrockEmbedder(bedrockRuntime(env), modelId, dimension);
  }

  /** Kept out of common so the orders jar needs no Bedrock classes. */
  static BedrockRuntimeClient bedrockRuntime(Env env) {
    var builder =
        BedrockRuntimeClient.builder()
            .httpClient(UrlConnectionHttpClient.create())
            .region(AwsClients.region(env))
            .credentialsProvider(AwsClients.credentials(env));
    var endpoint = AwsClients.endpoint(env, "BEDROCK_RUNTIME", "aws.endpointUrlBedrockRuntime");
    if (endpoint != null) {
      builder.endpointOverride(endpoint);
    }
    return builder.build();
  }

  private static Embedder local(Env env) {
    var embedder = local();
    var dimension = env.getInt("EMBEDDING_DIMENSION", embedder.dimension());
    if (dimension != embedder.dimension()) {
      throw new IllegalStateException(
          "EMBEDDING_DIMENSION "
              + dimension
              + " does not match the local model "
              + embedder.modelId()
              + " ("
              + embedder.dimension()
              + " dimensions)");
    }
    return embedder;
  }

  /** The local all-MiniLM-L6-v2 embedder; needs the local jar (ONNX Runtime and the model). */
  public static Embedder local() {
    try {
      return (Embedder) Class.forName(LOCAL_EMBEDDER).getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException | LinkageError e) {
      throw new IllegalStateException(
          "EMBEDDING_PROVIDER=local needs similarity-handler-local.jar (with the MiniLM model)", e);
    }
  }
}
