package dev.lmi.sandbox.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;

/** Serves one kubectl watch: a chunked stream of {"type","object"} lines fed by a fabric8 watch. */
final class WatchStream {
  private static final String CLOSED = "closed";
  private final KubernetesClient client;
  private final PrinterTable tables = new PrinterTable(Clock.systemUTC());

  WatchStream(KubernetesClient client) {
    this.client = client;
  }

  void serve(HttpExchange exchange, Matcher path, String rawQuery) throws IOException {
    var query = parse(rawQuery);
    var crd = crd(path.group(4), path.group(1));
    if (crd == null) {
      exchange.sendResponseHeaders(404, -1);
      return;
    }
    var events = new LinkedBlockingQueue<Object>();
    var context =
        new ResourceDefinitionContext.Builder()
            .withGroup(path.group(1))
            .withVersion(path.group(2))
            .withPlural(path.group(4))
            .withNamespaced("Namespaced".equals(crd.path("spec").path("scope").asText()))
            .build();
    var resources = client.genericKubernetesResources(context);
    io.fabric8.kubernetes.client.dsl.FilterWatchListDeletable<
            GenericKubernetesResource,
            io.fabric8.kubernetes.api.model.GenericKubernetesResourceList,
            io.fabric8.kubernetes.client.dsl.Resource<GenericKubernetesResource>>
        scoped =
            path.group(3) == null
                ? resources.inAnyNamespace()
                : resources.inNamespace(path.group(3));
    if (query.containsKey("labelSelector")) {
      scoped = scoped.withLabelSelector(query.get("labelSelector"));
    }
    try (var watch = scoped.watch(queueing(events))) {
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, 0);
      var table =
          String.valueOf(exchange.getRequestHeaders().getFirst("Accept")).contains("as=Table");
      stream(exchange, events, query, table ? crd : null, path.group(2));
    }
  }

  private void stream(
      HttpExchange exchange,
      BlockingQueue<Object> events,
      Map<String, String> query,
      JsonNode crd,
      String version)
      throws IOException {
    var deadline =
        System.nanoTime()
            + TimeUnit.SECONDS.toNanos(
                Long.parseLong(query.getOrDefault("timeoutSeconds", "1800")));
    var since = number(query.get("resourceVersion"));
    var name = fieldName(query.get("fieldSelector"));
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
      var line = event == null ? "\n" : line((Object[]) event, since, name, crd, version);
      if (line != null) {
        out.write(line.getBytes(StandardCharsets.UTF_8));
        out.flush();
      }
    }
  }

  /** The event as one JSON line, or null when kubectl already has it from its list. */
  private String line(Object[] event, long since, String name, JsonNode crd, String version) {
    var object = WatchFront.mapper().valueToTree(event[1]);
    if (name != null && !name.equals(object.path("metadata").path("name").asText())) {
      return null;
    }
    var rv = number(object.path("metadata").path("resourceVersion").asText(null));
    if ("ADDED".equals(event[0]) && since > 0 && rv > 0 && rv <= since) {
      return null;
    }
    var shown = crd == null ? object : tables.toTable(crd, version, object);
    var line = WatchFront.mapper().createObjectNode().put("type", (String) event[0]);
    line.set("object", shown);
    return line + "\n";
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

  private JsonNode crd(String plural, String group) {
    var crd =
        client
            .apiextensions()
            .v1()
            .customResourceDefinitions()
            .withName(plural + "." + group)
            .get();
    return crd == null ? null : WatchFront.mapper().valueToTree(crd);
  }

  private static String fieldName(String selector) {
    if (selector == null || !selector.startsWith("metadata.name=")) {
      return null;
    }
    return selector.substring("metadata.name=".length());
  }

  private static long number(String s) {
    try {
      return s == null || s.isEmpty() ? 0 : Long.parseLong(s);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static Map<String, String> parse(String rawQuery) {
    var out = new HashMap<String, String>();
    for (var pair : rawQuery.split("&")) {
      var eq = pair.indexOf('=');
      if (eq > 0) {
        out.put(
            pair.substring(0, eq),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return out;
  }
}
