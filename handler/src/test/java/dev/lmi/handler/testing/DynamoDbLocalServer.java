package dev.lmi.handler.testing;

import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBRequestHandler;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBServerHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * DynamoDB Local (the real engine) as an in-memory HTTP server on a random loopback port.
 *
 * <p>Its SQLite natives: if {@code sqlite4java.library.path} is unset, the Linux x86-64 library is
 * extracted from the classpath resource {@code /native-libs/libsqlite4java-linux-amd64.so} (the
 * build copies it there) into a temp directory, and the property is pointed at it.
 */
public final class DynamoDbLocalServer implements AutoCloseable {

  static final String NATIVE_RESOURCE = "/native-libs/libsqlite4java-linux-amd64.so";

  private final DynamoDBProxyServer server;
  private final URI endpoint;

  private DynamoDbLocalServer(DynamoDBProxyServer server, URI endpoint) {
    this.server = server;
    this.endpoint = endpoint;
  }

  public static DynamoDbLocalServer start() {
    ensureNatives();
    var port = freePort();
    try {
      // What ServerRunner.createServerFromCommandLineArgs("-inMemory", "-sharedDb", "-port", p)
      // builds (one database whatever the credentials and region), minus
      // its telemetry set-up, which needs the Pinpoint SDK the parent pom excludes.
      var requests = new LocalDynamoDBRequestHandler(0, true, null, true, false);
      var server = new DynamoDBProxyServer(port, new LocalDynamoDBServerHandler(requests, null));
      server.start();
      return new DynamoDbLocalServer(server, URI.create("http://127.0.0.1:" + port));
    } catch (Exception e) {
      throw new IllegalStateException("DynamoDB Local did not start", e);
    }
  }

  public URI endpoint() {
    return endpoint;
  }

  /** A client for this server with dummy credentials; the caller closes it. */
  public DynamoDbClient client() {
    return client(endpoint);
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
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("DynamoDB Local did not stop", e);
    }
  }

  static synchronized void ensureNatives() {
    if (System.getProperty("sqlite4java.library.path") != null) {
      return;
    }
    try (var in = DynamoDbLocalServer.class.getResourceAsStream(NATIVE_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + NATIVE_RESOURCE);
      }
      var dir = Files.createTempDirectory("sqlite4java");
      var lib = dir.resolve(Path.of(NATIVE_RESOURCE).getFileName().toString());
      Files.copy(in, lib, StandardCopyOption.REPLACE_EXISTING);
      lib.toFile().deleteOnExit();
      dir.toFile().deleteOnExit();
      System.setProperty("sqlite4java.library.path", dir.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("could not extract sqlite4java natives", e);
    }
  }

  public static int freePort() {
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
