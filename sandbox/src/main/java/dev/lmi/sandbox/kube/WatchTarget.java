package dev.lmi.sandbox.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one kubectl watch asks for: a collection of custom resources or of core/v1 Events, the
 * namespace (null: all), the one object it follows (kubectl delete and wait; else null), which
 * objects (selectors) and how a row of its Table looks.
 */
record WatchTarget(
    ResourceDefinitionContext context,
    String namespace,
    String name,
    Predicate<JsonNode> selected,
    UnaryOperator<JsonNode> tableRow) {
  private static final Pattern EVENTS = Pattern.compile("^/api/v1/(?:namespaces/([^/]+)/)?events$");

  /** The watch a GET asks for, if it is one the front serves. */
  static Optional<WatchTarget> of(String path, Query query, KubernetesClient client, Clock clock)
      throws Refusal {
    if (!query.has("watch") || "false".equals(query.get("watch"))) {
      return Optional.empty();
    }
    var labels = LabelSelector.parse(query.get("labelSelector"));
    var events = EVENTS.matcher(path);
    if (events.matches()) {
      var selector = FieldSelector.parse(query.get("fieldSelector"));
      var table = new EventTable(clock);
      return Optional.of(
          new WatchTarget(
              context("", "v1", "events", "Event", true),
              events.group(1),
              null,
              e -> selector.matches(e) && labels.matches(e),
              event -> table.of(listOf(event))));
    }
    var m = KubectlCompat.CR_PATH.matcher(path);
    if (!m.matches() || m.group(5) != null || "apiextensions.k8s.io".equals(m.group(1))) {
      return Optional.empty();
    }
    return customResources(m, query, labels, client, clock);
  }

  private static Optional<WatchTarget> customResources(
      Matcher m, Query query, LabelSelector labels, KubernetesClient client, Clock clock) {
    var crds = client.apiextensions().v1().customResourceDefinitions();
    var crd = crds.withName(m.group(4) + "." + m.group(1)).get();
    if (crd == null) {
      return Optional.empty();
    }
    var crdJson = WatchFront.mapper().<JsonNode>valueToTree(crd);
    var name = singleName(query.get("fieldSelector"));
    var tables = new PrinterTable(clock);
    var kind = crd.getSpec().getNames().getKind();
    var namespaced = "Namespaced".equals(crd.getSpec().getScope());
    return Optional.of(
        new WatchTarget(
            context(m.group(1), m.group(2), m.group(4), kind, namespaced),
            m.group(3),
            name,
            namePredicate(name).and(labels::matches),
            object -> tables.toTable(crdJson, m.group(2), object)));
  }

  private static ResourceDefinitionContext context(
      String group, String version, String plural, String kind, boolean namespaced) {
    return new ResourceDefinitionContext.Builder()
        .withGroup(group)
        .withVersion(version)
        .withPlural(plural)
        .withKind(kind)
        .withNamespaced(namespaced)
        .build();
  }

  /** Custom resources are selectable by name only (metadata.name=x), as the mock stores them. */
  /** The one object a {@code metadata.name=x} selector names (kubectl delete and wait), or null. */
  private static String singleName(String selector) {
    if (selector == null || !selector.startsWith("metadata.name=") || selector.contains(",")) {
      return null;
    }
    return selector.substring("metadata.name=".length());
  }

  private static Predicate<JsonNode> namePredicate(String name) {
    return object -> name == null || name.equals(object.path("metadata").path("name").asText());
  }

  private static JsonNode listOf(JsonNode item) {
    var list = JsonNodeFactory.instance.objectNode();
    list.putArray("items").add(item);
    return list;
  }
}
