package dev.lmi.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;

/**
 * DynamoDB Local (the real engine) in-process: in memory, one shared database whatever the
 * credentials, on the loopback interface only. Its SQLite natives ship in this jar as {@code
 * /native-libs/libsqlite4java-linux-amd64.so} and are extracted to a temp directory at start.
 */
public final class DynamoDbLocal implements AutoCloseable {
  static final String NATIVE_RESOURCE = "/native-libs/libsqlite4java-linux-amd64.so";
  private static final String SERVER = "com.amazonaws.services.dynamodbv2.local.server.";
  private final Server server;
  private final Handler handler;
  private final URI endpoint;

  private DynamoDbLocal(Server server, Handler handler, URI endpoint) {
    this.server = server;
    this.handler = handler;
    this.endpoint = endpoint;
  }

  /**
   * What ServerRunner builds for "-inMemory -sharedDb", minus its telemetry, on our own Jetty
   * connector: DynamoDBProxyServer would listen on every interface and cannot be told otherwise.
   */
  public static DynamoDbLocal start() {
    return start(0);
  }

  /** Like {@link #start()} on the given loopback port (0: any free one). */
  public static DynamoDbLocal start(int port) {
    ensureNatives();
    try {
      var handler = handler();
      var server = new Server();
      var connector = new ServerConnector(server);
      connector.setHost(InetAddress.getLoopbackAddress().getHostAddress());
      connector.setPort(port);
      server.addConnector(connector);
      var context = new ContextHandler();
      context.setHandler(handler);
      server.setHandler(new ContextHandlerCollection(context));
      server.start();
      var url = "http://" + connector.getHost() + ":" + connector.getLocalPort();
      return new DynamoDbLocal(server, handler, URI.create(url));
    } catch (Exception e) {
      throw new IllegalStateException("DynamoDB Local did not start", e);
    }
  }

  public URI endpoint() {
    return endpoint;
  }

  @Override
  public void close() {
    try {
      server.stop();
      handler.getClass().getMethod("close").invoke(handler);
    } catch (Exception e) {
      throw new IllegalStateException("DynamoDB Local did not stop", e);
    }
  }

  /**
   * new LocalDynamoDBServerHandler(new LocalDynamoDBRequestHandler(0, true, null, true, false),
   * null), made in {@link DynamoDbLocalLoader} (its own ANTLR runtime), hence by reflection.
   */
  private static Handler handler() throws ReflectiveOperationException {
    var loader = DynamoDbLocalLoader.INSTANCE;
    var requests = Class.forName(SERVER + "LocalDynamoDBRequestHandler", true, loader);
    var requestHandler =
        requests
            .getConstructor(int.class, boolean.class, String.class, boolean.class, boolean.class)
            .newInstance(0, true, null, true, false);
    var server = Class.forName(SERVER + "LocalDynamoDBServerHandler", true, loader);
    var api = Class.forName(SERVER + "DynamoDBRequestHandler", true, loader);
    return (Handler) server.getConstructor(api, String.class).newInstance(requestHandler, null);
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
      // Deleted at exit in the reverse order of these calls: the file, then its directory.
      dir.toFile().deleteOnExit();
      lib.toFile().deleteOnExit();
      System.setProperty("sqlite4java.library.path", dir.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("could not extract the sqlite4java natives", e);
    }
  }
}
