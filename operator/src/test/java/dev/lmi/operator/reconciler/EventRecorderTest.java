package dev.lmi.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lmi.operator.metrics.OperatorMetrics;
import dev.lmi.operator.testing.Resources;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@EnableKubernetesMockClient(crud = true)
class EventRecorderTest {
  KubernetesClient client;

  @Test
  void writesEveryEventAfterTheReconcileHasMovedOn() throws Exception {
    try (var events = new EventRecorder(client, "lmi-system", Clock.systemUTC())) {
      var fn = Resources.function("orders", "list-orders", "pool");
      for (var i = 0; i < 25; i++) {
        events.normal(fn, "Published", "published version " + i);
      }
      assertThat(events.flush(Duration.ofSeconds(10))).isTrue();
      assertThat(client.v1().events().inNamespace("orders").list().getItems())
          .hasSize(25)
          .allSatisfy(e -> assertThat(e.getInvolvedObject().getName()).isEqualTo("list-orders"));
    }
  }

  @Test
  @Timeout(60)
  void aStalledApiServerNeverBlocksTheCallerAndDropsWhatDoesNotFit() throws Exception {
    // A socket that accepts connections and never answers: the sender hangs on its first event.
    try (var stalled = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        var client =
            new KubernetesClientBuilder()
                .withConfig(
                    new io.fabric8.kubernetes.client.ConfigBuilder()
                        .withMasterUrl("http://127.0.0.1:" + stalled.getLocalPort())
                        .withRequestTimeout(60_000)
                        .withRequestRetryBackoffLimit(0)
                        .build())
                .build()) {
      var metrics = new OperatorMetrics();
      var events = new EventRecorder(client, "lmi-system", Clock.systemUTC(), metrics);
      var fn = Resources.function("orders", "list-orders", "pool");
      for (var i = 0; i < EventRecorder.QUEUE_CAPACITY + 100; i++) {
        events.normal(fn, "Published", "published version " + i);
      }

      // Had a call waited for the API server, this loop would still be on its first event.
      assertThat(events.dropped()).isGreaterThanOrEqualTo(99);
      assertThat(metrics.scrape()).contains("lmi_events_dropped_total");
      events.close();
    }
  }
}
