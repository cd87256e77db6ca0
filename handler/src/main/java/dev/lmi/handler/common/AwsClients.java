package dev.lmi.handler.common;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Builds the DynamoDB client once per execution environment, honouring {@code AWS_ENDPOINT_URL[_X]}
 * also when it arrives through {@link Env}'s system-property fallback (the local mode).
 */
public final class AwsClients {

  private AwsClients() {}

  public static DynamoDbClient dynamoDb(Env env) {
    var builder =
        DynamoDbClient.builder()
            .httpClient(UrlConnectionHttpClient.create())
            .region(region(env))
            .credentialsProvider(credentials(env));
    var endpoint = endpoint(env, "DYNAMODB", "aws.endpointUrlDynamoDb");
    if (endpoint != null) {
      builder.endpointOverride(endpoint);
    }
    return builder.build();
  }

  /** The endpoint override for a service ({@code DYNAMODB}, ...), or null for the default. */
  public static URI endpoint(Env env, String service, String serviceProperty) {
    var candidates =
        new String[] {
          env.get("AWS_ENDPOINT_URL_" + service),
          System.getProperty(serviceProperty),
          env.get("AWS_ENDPOINT_URL"),
          System.getProperty("aws.endpointUrl")
        };
    for (var candidate : candidates) {
      if (candidate != null && !candidate.isBlank()) {
        return URI.create(candidate.trim());
      }
    }
    return null;
  }

  public static Region region(Env env) {
    var name = env.get("AWS_REGION", env.get("AWS_DEFAULT_REGION"));
    if (name == null) {
      name = System.getProperty("aws.region", "us-east-1");
    }
    return Region.of(name);
  }

  /** Keys only visible through {@link Env} (not the process) are used as given; else the chain. */
  public static AwsCredentialsProvider credentials(Env env) {
    var accessKey = env.get("AWS_ACCESS_KEY_ID");
    var secretKey = env.get("AWS_SECRET_ACCESS_KEY");
    if (accessKey == null || secretKey == null || System.getenv("AWS_ACCESS_KEY_ID") != null) {
      return DefaultCredentialsProvider.builder().build();
    }
    var token = env.get("AWS_SESSION_TOKEN");
    return StaticCredentialsProvider.create(
        token == null
            ? AwsBasicCredentials.create(accessKey, secretKey)
            : AwsSessionCredentials.create(accessKey, secretKey, token));
  }
}
