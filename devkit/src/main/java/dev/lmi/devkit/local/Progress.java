package dev.lmi.devkit.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lmi.operator.status.Reason;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The state of every CapacityProvider and LmiFunction, as rows of a table, with their capacity
 * (vCPUs at minimum/maximum, and a provider's ceiling) and the estimated monthly cost.
 */
final class Progress {
  private static final ResourceDefinitionContext PROVIDERS = context("capacityproviders", false);
  private static final ResourceDefinitionContext FUNCTIONS = context("lmifunctions", true);

  /** One resource: what its Ready condition says. */
  record Row(
      String kind,
      String name,
      String ready,
      String reason,
      String version,
      String capacity,
      String cost,
      String message,
      boolean current) {

    boolean isReady() {
      return current && "True".equals(ready);
    }

    boolean isTerminal() {
      return current
          && Arrays.stream(Reason.values()).anyMatch(r -> r.name().equals(reason) && r.terminal());
    }
  }

  private Progress() {}

  static List<Row> rows(KubernetesClient client) {
    var rows = new ArrayList<Row>();
    for (var p : client.genericKubernetesResources(PROVIDERS).list().getItems()) {
      rows.add(row("CapacityProvider", Serialization.jsonMapper().valueToTree(p)));
    }
    for (var f : client.genericKubernetesResources(FUNCTIONS).inAnyNamespace().list().getItems()) {
      rows.add(row("LmiFunction", Serialization.jsonMapper().valueToTree(f)));
    }
    rows.sort(
        java.util.Comparator.comparing(Row::kind, java.util.Comparator.reverseOrder())
            .thenComparing(Row::name));
    return rows;
  }

  static List<io.fabric8.kubernetes.api.model.GenericKubernetesResource> functions(
      KubernetesClient client) {
    return client.genericKubernetesResources(FUNCTIONS).inAnyNamespace().list().getItems();
  }

  static boolean allReady(List<Row> rows) {
    return !rows.isEmpty() && rows.stream().allMatch(Row::isReady);
  }

  /**
   * Whether every provider's status.capacity.vCpuAtMin is the sum of its functions' (a provider
   * adds them up again a few seconds after one changes).
   */
  static boolean totalsAgree(KubernetesClient client) {
    var sums = new java.util.HashMap<String, Long>();
    for (var f : functions(client)) {
      JsonNode node = Serialization.jsonMapper().valueToTree(f);
      sums.merge(
          node.at("/spec/capacityProviderRef/name").asText(),
          node.at("/status/capacity/vCpuAtMin").asLong(0),
          Long::sum);
    }
    for (var p : client.genericKubernetesResources(PROVIDERS).list().getItems()) {
      JsonNode node = Serialization.jsonMapper().valueToTree(p);
      var sum = sums.getOrDefault(node.at("/metadata/name").asText(), 0L);
      if (node.at("/status/capacity/vCpuAtMin").asLong(0) != sum) {
        return false;
      }
    }
    return true;
  }

  static List<Row> failed(List<Row> rows) {
    return rows.stream().filter(Row::isTerminal).toList();
  }

  static String table(List<Row> rows) {
    var lines = new ArrayList<String[]>();
    lines.add(
        new String[] {
          "KIND",
          "NAME",
          "READY",
          "REASON",
          "VERSION",
          "VCPU MIN/MAX/CEILING",
          "EST. USD/MONTH",
          "MESSAGE"
        });
    for (var r : rows) {
      lines.add(
          new String[] {
            r.kind(),
            r.name(),
            r.ready(),
            r.reason(),
            r.version(),
            r.capacity(),
            r.cost(),
            shorten(r.message())
          });
    }
    var widths = new int[lines.get(0).length];
    lines.forEach(l -> Arrays.setAll(widths, i -> Math.max(widths[i], l[i].length())));
    var out = new StringBuilder();
    for (var l : lines) {
      for (var i = 0; i < l.length; i++) {
        out.append(i == l.length - 1 ? l[i] : String.format("%-" + (widths[i] + 2) + "s", l[i]));
      }
      out.append('\n');
    }
    return out.toString();
  }

  static Row row(String kind, JsonNode o) {
    var meta = o.path("metadata");
    var name = meta.has("namespace") ? meta.path("namespace").asText() + "/" : "";
    var ready = readyCondition(o.path("status"));
    var current =
        o.path("status").path("observedGeneration").asLong(-1)
            == meta.path("generation").asLong(-2);
    return new Row(
        kind,
        name + meta.path("name").asText(),
        ready.path("status").asText("-"),
        ready.path("reason").asText("-"),
        version(o.path("status")),
        capacity(o.path("status").path("capacity")),
        o.path("status").path("cost").path("monthlyUsd").asText("-"),
        ready.path("message").asText(""),
        current);
  }

  /** A provider's summary (12/40/100); a function's vCPUs at minimum and maximum (3/4). */
  private static String capacity(JsonNode c) {
    if (c.has("summary")) {
      return c.path("summary").asText();
    }
    if (!c.has("vCpuAtMin")) {
      return "-";
    }
    return c.path("vCpuAtMin").asText() + "/" + c.path("vCpuAtMax").asText("unbounded");
  }

  /** The alias's version; during a rollout step, both versions with their shares. */
  private static String version(JsonNode status) {
    var r = status.path("rollout");
    var weight = r.path("weight").asInt(0);
    if ("Progressing".equals(r.path("phase").asText()) && weight > 0 && weight < 100) {
      return r.path("stableVersion").asText()
          + " ("
          + (100 - weight)
          + "%) + "
          + r.path("canaryVersion").asText()
          + " ("
          + weight
          + "%)";
    }
    return status.path("aliasVersion").asText("-");
  }

  private static JsonNode readyCondition(JsonNode status) {
    for (var c : status.path("conditions")) {
      if ("Ready".equals(c.path("type").asText())) {
        return c;
      }
    }
    return Serialization.jsonMapper().createObjectNode();
  }

  private static String shorten(String message) {
    var oneLine = message.replace('\n', ' ');
    return oneLine.length() <= 90 ? oneLine : oneLine.substring(0, 87) + "...";
  }

  private static ResourceDefinitionContext context(String plural, boolean namespaced) {
    return new ResourceDefinitionContext.Builder()
        .withGroup("lmi.dev")
        .withVersion("v1alpha1")
        .withPlural(plural)
        .withNamespaced(namespaced)
        .build();
  }
}
