package dev.lmi.operator.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.CustomResource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads a whole lmi.dev object from the API server's JSON and never throws for its content: the
 * spec's issues travel with the object ({@link Tolerant}), and the status an older or newer
 * operator wrote is read as far as it can be (the next status write replaces it). A spec field
 * under one of the strict paths is a policy: one this version does not know is not ignored but
 * makes the spec invalid, since ignoring it would widen what the object allows.
 */
abstract class TolerantDeserializer<R extends CustomResource<S, T> & Tolerant, S, T>
    extends StdDeserializer<R> {
  private static final Set<String> TOP_LEVEL =
      Set.of("apiVersion", "kind", "metadata", "spec", "status");
  private final Supplier<R> factory;
  private final Class<S> specType;
  private final Class<T> statusType;
  private final List<String> strictPaths;

  TolerantDeserializer(
      Class<R> type,
      Supplier<R> factory,
      Class<S> specType,
      Class<T> statusType,
      List<String> strictPaths) {
    super(type);
    this.factory = factory;
    this.specType = specType;
    this.statusType = statusType;
    this.strictPaths = strictPaths;
  }

  @Override
  public R deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    JsonNode tree = ctxt.readTree(p);
    var resource = factory.get();
    resource.setMetadata(metadata(tree.path("metadata"), ctxt));
    var spec = TolerantReader.bind(tree.get("spec"), specType, "spec");
    resource.setSpec(spec.value());
    resource.setStatus(TolerantReader.bind(tree.get("status"), statusType, "status").value());
    var unknown = new ArrayList<String>();
    var invalid = new ArrayList<>(spec.invalid());
    tree.fieldNames()
        .forEachRemaining(
            f -> {
              if (!TOP_LEVEL.contains(f)) {
                unknown.add(f);
              }
            });
    for (var path : spec.unknown()) {
      if (strictPaths.stream().anyMatch(s -> path.equals(s) || path.startsWith(s + "."))) {
        invalid.add(
            path
                + ": not known to this version of the operator; a policy it cannot enforce is"
                + " refused rather than ignored (upgrade the operator)");
      } else {
        unknown.add(path);
      }
    }
    resource.readIssues(new ReadIssues(unknown, invalid));
    return resource;
  }

  /** The metadata as fabric8 reads it; should even that fail, what identifies the object. */
  private static ObjectMeta metadata(JsonNode node, DeserializationContext ctxt) {
    if (!node.isObject()) {
      return new ObjectMeta();
    }
    try {
      return ctxt.readTreeAsValue(node, ObjectMeta.class);
    } catch (IOException | RuntimeException e) {
      var meta = new ObjectMeta();
      meta.setName(node.path("name").asText(null));
      meta.setNamespace(node.path("namespace").asText(null));
      meta.setUid(node.path("uid").asText(null));
      meta.setResourceVersion(node.path("resourceVersion").asText(null));
      meta.setDeletionTimestamp(node.path("deletionTimestamp").asText(null));
      if (node.path("generation").canConvertToLong()) {
        meta.setGeneration(node.path("generation").asLong());
      }
      var finalizers = new ArrayList<String>();
      node.path("finalizers").forEach(f -> finalizers.add(f.asText()));
      meta.setFinalizers(finalizers);
      return meta;
    }
  }
}
