package dev.lmi.devkit.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** The YAML documents of a manifest directory, applied in dependency order. */
record Manifests(List<JsonNode> documents) {
  private static final YAMLMapper YAML = new YAMLMapper();
  static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

  static Manifests read(Path dir) {
    var docs = new ArrayList<JsonNode>();
    try (var files = Files.list(dir)) {
      for (var file : files.filter(Manifests::isYaml).sorted().toList()) {
        try (var parser = YAML.createParser(file.toFile());
            var values = YAML.readerFor(JsonNode.class).<JsonNode>readValues(parser)) {
          values.forEachRemaining(d -> addIfObject(docs, d));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the manifests in " + dir, e);
    }
    if (docs.isEmpty()) {
      throw new IllegalArgumentException("no Kubernetes objects in " + dir);
    }
    docs.sort(Comparator.comparingInt(Manifests::order));
    return new Manifests(List.copyOf(docs));
  }

  /** The environment variable of the first LmiFunction whose handler contains handlerPart. */
  Optional<String> functionEnv(String handlerPart, String name) {
    return functions().stream()
        .filter(f -> f.path("spec").path("handler").asText().contains(handlerPart))
        .map(f -> f.path("spec").path("environment").path(name))
        .filter(v -> !v.isMissingNode() && !v.isNull())
        .map(JsonNode::asText)
        .findFirst();
  }

  List<JsonNode> functions() {
    return documents.stream().filter(d -> "LmiFunction".equals(d.path("kind").asText())).toList();
  }

  /** Creates the namespaces the objects need, then creates or updates each object. */
  void apply(KubernetesClient client) {
    var namespaces = new TreeSet<String>();
    documents.forEach(d -> namespaces.add(d.path("metadata").path("namespace").asText("")));
    namespaces.remove("");
    for (var ns : namespaces) {
      if (client.namespaces().withName(ns).get() == null) {
        client
            .resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
            .create();
      }
    }
    for (var doc : documents) {
      var resource = Serialization.jsonMapper().convertValue(doc, GenericKubernetesResource.class);
      // As kubectl apply records it, so a later `kubectl apply` of the same file merges cleanly.
      var annotations = new java.util.LinkedHashMap<String, String>();
      if (resource.getMetadata().getAnnotations() != null) {
        annotations.putAll(resource.getMetadata().getAnnotations());
      }
      annotations.put(LAST_APPLIED, doc.toString());
      resource.getMetadata().setAnnotations(annotations);
      client.resource(resource).createOr(NonDeletingOperation::update);
    }
  }

  private static int order(JsonNode doc) {
    return switch (doc.path("kind").asText()) {
      case "Namespace" -> 0;
      case "CapacityProvider" -> 1;
      default -> 2;
    };
  }

  private static boolean isYaml(Path p) {
    var name = p.getFileName().toString();
    return name.endsWith(".yaml") || name.endsWith(".yml");
  }

  private static void addIfObject(List<JsonNode> docs, JsonNode d) {
    if (d != null && d.isObject() && d.has("kind")) {
      docs.add(d);
    }
  }
}
