package dev.lmi.operator;

import com.sun.net.httpserver.HttpServer;
import dev.lmi.operator.metrics.OperatorMetrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Serves /metrics (Prometheus text), and /healthz (503 when the reconcile loop is wedged: restart
 * the pod) and /readyz (503 until the informers have synced, or after the lease was lost) on the
 * configured ports.
 */
public final class ProbeServer implements AutoCloseable {
  private final List<HttpServer> servers = new ArrayList<>();

  public ProbeServer(
      int metricsPort, int healthPort, OperatorMetrics metrics, OperatorProbes probes) {
    if (metricsPort > 0) {
      var s = bind(metricsPort);
      s.createContext(
          "/metrics", ex -> reply(ex, 200, metrics.scrape(), "text/plain; version=0.0.4"));
      servers.add(s);
    }
    if (healthPort > 0) {
      var s = metricsPort == healthPort && !servers.isEmpty() ? servers.get(0) : bind(healthPort);
      s.createContext(
          "/healthz",
          ex -> {
            var wedged = probes.wedged();
            reply(
                ex,
                wedged.isEmpty() ? 200 : 503,
                wedged.map(w -> "wedged: " + w + "\n").orElse("ok\n"),
                "text/plain");
          });
      s.createContext(
          "/readyz",
          ex -> {
            var ok = probes.ready();
            reply(ex, ok ? 200 : 503, ok ? "ready\n" : "not ready\n", "text/plain");
          });
      if (!servers.contains(s)) {
        servers.add(s);
      }
    }
    servers.forEach(HttpServer::start);
  }

  private static HttpServer bind(int port) {
    try {
      return HttpServer.create(new InetSocketAddress(port), 16);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on port " + port, e);
    }
  }

  private static void reply(
      com.sun.net.httpserver.HttpExchange ex, int code, String body, String type)
      throws IOException {
    var bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(code, bytes.length);
    try (var out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    servers.forEach(s -> s.stop(0));
  }
}
