package dev.lmi.sandbox.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.FilterWatchListDeletable;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Serves one kubectl watch: a chunked stream of {"type","object"} lines fed by a fabric8 watch. */
final class WatchStream {
  private static final String CLOSED = "closed";
  private final KubernetesClient client;

  WatchStream(KubernetesClient client) {
    this.client = client;
  }

  void serve(HttpExchange exchange, WatchTarget target, Query query) throws IOException {
    var events = new LinkedBlockingQueue<Object>();
    var resources = client.genericKubernetesResources(target.context());
    FilterWatchListDeletable<
            GenericKubernetesResource,
            GenericKubernetesResourceList,
            Resource<GenericKubernetesResource>>
        scoped =
            target.namespace() == null
                ? resources.inAnyNamespace()
                : resources.inNamespace(target.namespace());
    try (var watch = scoped.watch(queueing(events))) {
      goneSinceTheList(target, query).ifPresent(events::add);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, 0);
      var table =
          String.valueOf(exchange.getRequestHeaders().getFirst("Accept")).contains("as=Table");
      stream(exchange, events, query, target, table);
    }
  }

  private void stream(
      HttpExchange exchange,
      BlockingQueue<Object> events,
      Query query,
      WatchTarget target,
      boolean table)
      throws IOException {
    var timeout = query.has("timeoutSeconds") ? query.get("timeoutSeconds") : "1800";
    var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(number(timeout));
    var since = number(query.get("resourceVersion"));
    var out = exchange.getResponseBody();
    while (System.nanoTime() < deadline) {
      Object event;
      try {
        event = events.poll(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (event == CLOSED) {
        return;
      }
      var line = event == null ? "\n" : line((Object[]) event, since, target, table);
      if (line != null) {
        out.write(line.getBytes(StandardCharsets.UTF_8));
        out.flush();
      }
    }
  }

  /** The event as one JSON line, or null when kubectl already has it or did not ask for it. */
  private String line(Object[] event, long since, WatchTarget target, boolean table) {
    JsonNode object = WatchFront.mapper().valueToTree(event[1]);
    if (!target.selected().test(object)) {
      return null;
    }
    var rv = number(object.path("metadata").path("resourceVersion").asText(null));
    if ("ADDED".equals(event[0]) && since > 0 && rv > 0 && rv <= since) {
      return null;
    }
    var line = WatchFront.mapper().createObjectNode().put("type", (String) event[0]);
    line.set("object", table ? target.tableRow().apply(object) : object);
    return line + "\n";
  }

  /**
   * The mock's watches start from now, not from the list kubectl made before: an object deleted in
   * between (a finalizer removed at once) would never be reported, and kubectl delete would wait
   * for minutes. For a watch on one object that is gone by now, its deletion is reported first.
   */
  private java.util.Optional<Object[]> goneSinceTheList(WatchTarget target, Query query) {
    if (target.name() == null || number(query.get("resourceVersion")) == 0) {
      return java.util.Optional.empty();
    }
    var resources = client.genericKubernetesResources(target.context());
    var scoped = target.namespace() == null ? resources : resources.inNamespace(target.namespace());
    if (scoped.withName(target.name()).get() != null) {
      return java.util.Optional.empty();
    }
    var context = target.context();
    var gone =
        new io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder()
            .withApiVersion(
                context.getGroup().isEmpty()
                    ? context.getVersion()
                    : context.getGroup() + "/" + context.getVersion())
            .withKind(context.getKind())
            .withNewMetadata()
            .withName(target.name())
            .withNamespace(target.namespace())
            .withResourceVersion(query.get("resourceVersion"))
            .endMetadata()
            .build();
    return java.util.Optional.of(new Object[] {"DELETED", gone});
  }

  private static Watcher<GenericKubernetesResource> queueing(BlockingQueue<Object> events) {
    return new Watcher<>() {
      @Override
      public void eventReceived(Action action, GenericKubernetesResource resource) {
        events.add(new Object[] {action.name(), resource});
      }

      @Override
      public void onClose(WatcherException cause) {
        events.add(CLOSED);
      }
    };
  }

  private static long number(String s) {
    try {
      return s == null || s.isEmpty() ? 0 : Long.parseLong(s);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
