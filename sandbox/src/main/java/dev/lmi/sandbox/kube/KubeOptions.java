package dev.lmi.sandbox.kube;

import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.http.Dispatcher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * How {@link KubeApi} starts: {@link #crud()} is the mock as the tests use it, {@link
 * #kubectl(int)} adds what kubectl needs. Every variant has the CRDs installed and listens on
 * loopback only.
 *
 * @param store the CRUD store; null for the mock's own, which also answers expectations
 * @param wrap wraps the dispatcher, e.g. to record requests or answer what the mock lacks
 * @param frontPort the kubectl-facing port (0: any free one) behind {@link KubectlCompat}, with the
 *     discovery stubs and watches over plain HTTP; null for none
 * @param crdFiles the CRD documents to install; null for the operator's, from the classpath
 * @param namespaces created at start
 * @param quiet log the mock's requests only from WARNING up (it logs each at INFO, which at scale
 *     is the bottleneck and in a terminal is noise)
 * @param admission what the kubectl front does with custom resources it is sent (pruning, defaults,
 *     validation); {@link Admission#NONE} stores them as they are
 */
public record KubeOptions(
    KubernetesCrudDispatcher store,
    UnaryOperator<Dispatcher> wrap,
    Integer frontPort,
    List<Path> crdFiles,
    List<String> namespaces,
    boolean quiet,
    Admission admission) {
  /** The namespaces every cluster has; kubectl's default context points at "default". */
  public static final List<String> CLUSTER_NAMESPACES =
      List.of("default", "kube-node-lease", "kube-public", "kube-system");

  public KubeOptions {
    if (store != null && frontPort != null) {
      throw new IllegalArgumentException(
          "the kubectl front needs the mock's own store: its discovery stubs are expectations");
    }
    namespaces = List.copyOf(namespaces);
    admission = admission == null ? Admission.NONE : admission;
  }

  /** The mock in CRUD mode with the CRDs: what the tests run the operator against. */
  public static KubeOptions crud() {
    return new KubeOptions(null, UnaryOperator.identity(), null, null, List.of(), false, null);
  }

  /**
   * The mock behind the kubectl-compatible front on the given port (0: any free one), with the
   * namespaces every cluster has.
   */
  public static KubeOptions kubectl(int port) {
    return crud().withFront(port).withNamespaces(CLUSTER_NAMESPACES.toArray(String[]::new));
  }

  public KubeOptions withFront(int port) {
    return new KubeOptions(store, wrap, port, crdFiles, namespaces, quiet, admission);
  }

  /** Another CRUD store, e.g. the {@link IndexedCrudDispatcher} for scale. */
  public KubeOptions withStore(KubernetesCrudDispatcher s) {
    return new KubeOptions(s, wrap, frontPort, crdFiles, namespaces, quiet, admission);
  }

  public KubeOptions wrappedBy(UnaryOperator<Dispatcher> w) {
    return new KubeOptions(store, w, frontPort, crdFiles, namespaces, quiet, admission);
  }

  /** The CRDs from the *.yaml files of a directory (e.g. the repository's crds/). */
  public KubeOptions withCrdsFrom(Path dir) {
    try (var files = Files.list(dir)) {
      var yaml = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
      return new KubeOptions(store, wrap, frontPort, yaml, namespaces, quiet, admission);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the CRDs in " + dir, e);
    }
  }

  /** The CRD documents to install: the given files, else the operator's from the classpath. */
  public List<URL> crdDocuments() {
    var urls = new ArrayList<URL>();
    if (crdFiles != null) {
      for (var file : crdFiles) {
        try {
          urls.add(file.toUri().toURL());
        } catch (MalformedURLException e) {
          throw new IllegalArgumentException(file.toString(), e);
        }
      }
      return urls;
    }
    for (var name : KubeApi.CRDS) {
      var url = KubeApi.class.getResource("/META-INF/fabric8/" + name + "-v1.yml");
      if (url == null) {
        throw new IllegalStateException(
            "CRD " + name + " is not on the classpath: put the operator there or pass the CRDs");
      }
      urls.add(url);
    }
    return urls;
  }

  public KubeOptions withNamespaces(String... names) {
    return new KubeOptions(store, wrap, frontPort, crdFiles, List.of(names), quiet, admission);
  }

  /** The rules custom resources are admitted by at the kubectl front (see {@link Admission}). */
  public KubeOptions withAdmission(Admission a) {
    return new KubeOptions(store, wrap, frontPort, crdFiles, namespaces, quiet, a);
  }

  public KubeOptions quietly() {
    return new KubeOptions(store, wrap, frontPort, crdFiles, namespaces, true, admission);
  }
}
