package dev.lmi.operator.local;

import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBRequestHandler;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBServerHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;

/**
 * DynamoDB Local (the real engine) in-process: in memory, one shared database whatever the
 * credentials, on a free loopback port. Its SQLite natives ship in this jar as {@code
 * /native-libs/libsqlite4java-linux-amd64.so} and are extracted to a temp directory at start.
 */
final class DynamoDbLocal implements AutoCloseable {
  static final String NATIVE_RESOURCE = "/native-libs/libsqlite4java-linux-amd64.so";
  private final DynamoDBProxyServer server;
  private final URI endpoint;

  private DynamoDbLocal(DynamoDBProxyServer server, URI endpoint) {
    this.server = server;
    this.endpoint = endpoint;
  }

  static DynamoDbLocal start() {
    ensureNatives();
    var port = freePort();
    try {
      // What ServerRunner builds for "-inMemory -sharedDb -port p", minus its telemetry set-up.
      var requests = new LocalDynamoDBRequestHandler(0, true, null, true, false);
      var server = new DynamoDBProxyServer(port, new LocalDynamoDBServerHandler(requests, null));
      server.start();
      return new DynamoDbLocal(server, URI.create("http://127.0.0.1:" + port));
    } catch (Exception e) {
      throw new IllegalStateException("DynamoDB Local did not start", e);
    }
  }

  URI endpoint() {
    return endpoint;
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("DynamoDB Local did not stop", e);
    }
  }

  private static synchronized void ensureNatives() {
    if (System.getProperty("sqlite4java.library.path") != null) {
      return;
    }
    try (var in = DynamoDbLocal.class.getResourceAsStream(NATIVE_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + NATIVE_RESOURCE);
      }
      var dir = Files.createTempDirectory("lmi-sqlite4java");
      var lib = dir.resolve("libsqlite4java-linux-amd64.so");
      Files.copy(in, lib, StandardCopyOption.REPLACE_EXISTING);
      lib.toFile().deleteOnExit();
      dir.toFile().deleteOnExit();
      System.setProperty("sqlite4java.library.path", dir.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("could not extract the sqlite4java natives", e);
    }
  }

  static int freePort() {
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
