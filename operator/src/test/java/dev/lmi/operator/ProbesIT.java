package dev.lmi.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.lmi.emulator.Timings;
import dev.lmi.operator.metrics.OperatorMetrics;
import dev.lmi.operator.testing.Awaits;
import dev.lmi.operator.testing.OperatorHarness;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** /readyz and /healthz of a real operator on the mock API server. */
class ProbesIT {
  private final HttpClient http = HttpClient.newHttpClient();
  private OperatorHarness h;
  private OperatorApp app;
  private ProbeServer probes;

  @AfterEach
  void stop() {
    if (probes != null) {
      probes.close();
    }
    if (app != null) {
      app.close();
    }
    h.close();
  }

  @Test
  void readyOnlyOnceTheInformersHaveSyncedAndHealthyWhileNothingIsStuck() throws Exception {
    h = new OperatorHarness(Timings.fast());
    var metrics = new OperatorMetrics();
    app =
        new OperatorApp(
            h.client(), h.newAwsClients(metrics), h.settings(), metrics, Set.of(), 2, null);
    var port = freePort();
    probes = new ProbeServer(0, port, metrics, app);

    assertThat(get(port, "/readyz").statusCode()).isEqualTo(503);
    app.start();

    await()
        .atMost(Awaits.TIMEOUT)
        .untilAsserted(() -> assertThat(get(port, "/readyz").statusCode()).isEqualTo(200));
    var health = get(port, "/healthz");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).isEqualTo("ok\n");
    app.close();
    assertThat(get(port, "/readyz").statusCode()).isEqualTo(503);
    app = null;
  }

  private HttpResponse<String> get(int port, String path) throws Exception {
    var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
