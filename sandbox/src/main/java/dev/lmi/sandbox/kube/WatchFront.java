package dev.lmi.sandbox.kube;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.mockwebserver.http.MockResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The public port of the local Kubernetes API. It forwards every request to the mock, except {@code
 * ?watch=true} on custom resources, which it serves as a long-lived chunked stream of watch events
 * (what kubectl expects) from a WebSocket watch on the mock (the only kind the mock offers).
 */
public final class WatchFront implements AutoCloseable {
  private static final List<String> FORWARDED = List.of("Accept", "Content-Type", "Authorization");
  private static final ObjectMapper M = new ObjectMapper();
  private final HttpServer server;
  private final ExecutorService executor;
  private final URI mock;
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final KubernetesClient client;
  private final WatchStream watches;

  private WatchFront(
      HttpServer server, ExecutorService executor, URI mock, KubernetesClient client) {
    this.server = server;
    this.executor = executor;
    this.mock = mock;
    this.client = client;
    this.watches = new WatchStream(client);
  }

  /** Listens on the loopback port (0: any) in front of the mock at mockUrl. */
  public static WatchFront start(int port, URI mockUrl, KubernetesClient client) {
    try {
      var server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
      var executor =
          Executors.newCachedThreadPool(
              r -> {
                var t = new Thread(r, "kube-front");
                t.setDaemon(true);
                return t;
              });
      server.setExecutor(executor);
      var front = new WatchFront(server, executor, mockUrl, client);
      server.createContext("/", front::handle);
      server.start();
      return front;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on port " + port, e);
    }
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      var uri = exchange.getRequestURI();
      var query = Query.of(uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
      var target =
          "GET".equals(exchange.getRequestMethod())
              ? WatchTarget.of(uri.getRawPath(), query, client, Clock.systemUTC())
              : Optional.<WatchTarget>empty();
      if (target.isPresent()) {
        watches.serve(exchange, target.get(), query);
      } else {
        forward(exchange);
      }
    } catch (Refusal refusal) {
      sendStatus(exchange, refusal.response());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void forward(HttpExchange exchange) throws IOException, InterruptedException {
    var uri = exchange.getRequestURI();
    var target =
        mock.resolve(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    var body = exchange.getRequestBody().readAllBytes();
    var request =
        HttpRequest.newBuilder(target)
            .timeout(Duration.ofSeconds(60))
            .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
    for (var name : FORWARDED) {
      var value = exchange.getRequestHeaders().getFirst(name);
      if (value != null) {
        request.header(name, value);
      }
    }
    var response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    response
        .headers()
        .firstValue("Content-Type")
        .ifPresent(v -> exchange.getResponseHeaders().set("Content-Type", v));
    // Warnings (unknown fields dropped, ...) are what kubectl prints as "Warning: ...".
    response
        .headers()
        .allValues("Warning")
        .forEach(v -> exchange.getResponseHeaders().add("Warning", v));
    var bytes = response.body();
    exchange.sendResponseHeaders(response.statusCode(), bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      exchange.getResponseBody().write(bytes);
    }
  }

  private static void sendStatus(HttpExchange exchange, MockResponse status) throws IOException {
    var bytes = Store.body(status);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status.code(), bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  static ObjectMapper mapper() {
    return M;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
