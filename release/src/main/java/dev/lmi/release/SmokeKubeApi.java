package dev.lmi.release;

import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.concurrent.CountDownLatch;

/**
 * A Kubernetes API for the image smoke test: the fabric8 mock API server in CRUD mode with the
 * project's CRDs, on loopback, until the process is stopped. Writes a kubeconfig for it.
 *
 * <p>Usage: {@code SmokeKubeApi CRDS_DIR KUBECONFIG_OUT}
 */
public final class SmokeKubeApi {
  private SmokeKubeApi() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    if (args.length != 2) {
      System.err.println("usage: SmokeKubeApi CRDS_DIR KUBECONFIG_OUT");
      System.exit(2);
    }
    java.util.logging.Logger.getLogger("io.fabric8.mockwebserver")
        .setLevel(java.util.logging.Level.WARNING);
    var server =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            new HashMap<>(),
            new KubernetesCrudDispatcher(),
            false);
    server.init(InetAddress.getLoopbackAddress(), 0);
    try (var client = server.createClient();
        var crds = Files.list(Path.of(args[0]))) {
      for (var crd : crds.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        try (var in = Files.newInputStream(crd)) {
          client.apiextensions().v1().customResourceDefinitions().load(in).create();
        }
      }
    }
    var url = "http://127.0.0.1:" + server.getPort();
    Files.writeString(Path.of(args[1]), kubeconfig(url));
    System.out.println(url);
    new CountDownLatch(1).await();
  }

  static String kubeconfig(String url) {
    return """
        apiVersion: v1
        kind: Config
        clusters: [{name: smoke, cluster: {server: "%s"}}]
        users: [{name: smoke, user: {token: smoke}}]
        contexts: [{name: smoke, context: {cluster: smoke, user: smoke, namespace: lmi-system}}]
        current-context: smoke
        """
        .formatted(url);
  }
}
