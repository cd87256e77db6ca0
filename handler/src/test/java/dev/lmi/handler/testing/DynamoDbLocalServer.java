package dev.lmi.handler.testing;

import dev.lmi.sandbox.DynamoDbLocal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * DynamoDB Local (the real engine) as an in-memory HTTP server on a random loopback port: the
 * sandbox's, with the clients these tests use.
 */
public final class DynamoDbLocalServer implements AutoCloseable {
  private final DynamoDbLocal server;

  private DynamoDbLocalServer(DynamoDbLocal server) {
    this.server = server;
  }

  public static DynamoDbLocalServer start() {
    return new DynamoDbLocalServer(DynamoDbLocal.start());
  }

  public URI endpoint() {
    return server.endpoint();
  }

  /** A client for this server with dummy credentials; the caller closes it. */
  public DynamoDbClient client() {
    return client(endpoint());
  }

  public static DynamoDbClient client(URI endpoint) {
    return DynamoDbClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  @Override
  public void close() {
    server.close();
  }

  public static int freePort() {
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
