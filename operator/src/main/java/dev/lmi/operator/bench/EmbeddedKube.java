package dev.lmi.operator.bench;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.HashMap;

/** The fabric8 mock API server in CRUD mode with our CRDs installed: a cluster in one object. */
final class EmbeddedKube implements AutoCloseable {
  // The mock logs every request at INFO through java.util.logging, which at scale is the
  // bottleneck. Held in a field: JUL keeps loggers weakly, and a collected one forgets its level.
  private static final java.util.logging.Logger MOCK_LOG =
      java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");
  private final KubernetesMockServer server;
  private final IndexedCrudDispatcher dispatcher = new IndexedCrudDispatcher();
  private final KubernetesClient client;

  EmbeddedKube(String... namespaces) {
    MOCK_LOG.setLevel(java.util.logging.Level.WARNING);
    server =
        new KubernetesMockServer(
            new Context(), new MockWebServer(), new HashMap<>(), dispatcher, false);
    server.init(InetAddress.getLoopbackAddress(), 0);
    client = server.createClient();
    for (var name : new String[] {"capacityproviders.lmi.dev", "lmifunctions.lmi.dev"}) {
      try (var in = getClass().getResourceAsStream("/META-INF/fabric8/" + name + "-v1.yml")) {
        client.apiextensions().v1().customResourceDefinitions().load(in).create();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    for (var ns : namespaces) {
      client
          .namespaces()
          .resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
          .create();
    }
  }

  /** Requests the API server has answered so far. */
  int requests() {
    return server.getRequestCount();
  }

  /** The API server's store, to observe changes as they are made. */
  IndexedCrudDispatcher store() {
    return dispatcher;
  }

  KubernetesClient client() {
    return client;
  }

  @Override
  public void close() {
    client.close();
    server.destroy();
  }
}
