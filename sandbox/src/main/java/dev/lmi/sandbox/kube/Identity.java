package dev.lmi.sandbox.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * What a write cannot change about an object: which object it is (name, namespace, uid, creation
 * time), the version it was based on (a stale {@code resourceVersion} is a conflict), and with a
 * status subresource, the half it does not address (status for the object, the rest for status).
 */
final class Identity {
  private static final List<String> SERVER_SET =
      List.of("uid", "creationTimestamp", "resourceVersion", "generation", "deletionTimestamp");

  private static final List<String> OMITTED_WHEN_EMPTY =
      List.of("labels", "annotations", "finalizers", "ownerReferences");

  private Identity() {}

  /**
   * The body is an object of the URL's kind and version: missing type fields are taken from the
   * URL, other ones refused, so nothing is stored under a resource it is not.
   */
  static void requireKind(CustomResourcePath at, ObjectNode body) throws Refusal {
    var apiVersion = at.group() + "/" + at.version();
    var sent = body.path("apiVersion").asText("");
    var kind = body.path("kind").asText("");
    if ((!sent.isEmpty() && !sent.equals(apiVersion))
        || (!kind.isEmpty() && !kind.equals(at.kind()))) {
      throw new Refusal(
          ApiStatus.badRequest(
              "%s %s in the request body does not match the resource %s/%s of the URL (%s)"
                  .formatted(sent, kind, apiVersion, at.kind(), at.plural())));
    }
    body.put("apiVersion", apiVersion).put("kind", at.kind());
  }

  /** On a create: the namespace comes from the URL and must exist (NamespaceLifecycle). */
  static void placeInNamespace(CustomResourcePath at, ObjectNode metadata, Store store)
      throws Refusal {
    if (!at.namespaced()) {
      metadata.remove("namespace");
      return;
    }
    var namespace = metadata.path("namespace").asText("");
    if (!namespace.isEmpty() && !namespace.equals(at.namespace())) {
      throw new Refusal(
          ApiStatus.badRequest(
              "the namespace of the provided object does not match the namespace sent on the"
                  + " request"));
    }
    metadata.put("namespace", at.namespace());
    if (!store.namespaceExists(at.namespace())) {
      throw new Refusal(ApiStatus.notFound("", "namespaces", at.namespace()));
    }
  }

  /** On an update: the body names the object of the URL, in the version stored. */
  static void requireSameObject(CustomResourcePath at, JsonNode current, ObjectNode requested)
      throws Refusal {
    var metadata = Json.metadata(requested);
    var name = metadata.path("name").asText("");
    if (!name.isEmpty() && !name.equals(at.name())) {
      throw new Refusal(
          ApiStatus.badRequest(
              "the name of the object (%s) does not match the name on the URL (%s)"
                  .formatted(name, at.name())));
    }
    var namespace = metadata.path("namespace").asText("");
    if (at.namespaced() && !namespace.isEmpty() && !namespace.equals(at.namespace())) {
      throw new Refusal(
          ApiStatus.badRequest(
              "the namespace of the provided object does not match the namespace sent on the"
                  + " request"));
    }
    var version = metadata.path("resourceVersion").asText("");
    var stored = current.path("metadata").path("resourceVersion").asText("");
    if (!version.isEmpty() && !version.equals(stored)) {
      throw new Refusal(ApiStatus.conflict(at.group(), at.plural(), at.name()));
    }
  }

  /** The object the write results in: what it may change from the request, the rest as stored. */
  static ObjectNode keep(CustomResourcePath at, JsonNode current, ObjectNode requested) {
    if (at.isStatus()) {
      var result = current.deepCopy();
      setOrRemove((ObjectNode) result, "status", requested.get("status"));
      return (ObjectNode) result;
    }
    var result = requested.deepCopy();
    var metadata = Json.metadata(result);
    var stored = current.path("metadata");
    metadata.put("name", stored.path("name").asText());
    setOrRemove(metadata, "namespace", stored.get("namespace"));
    SERVER_SET.forEach(field -> setOrRemove(metadata, field, stored.get(field)));
    if (at.hasStatus()) {
      setOrRemove(result, "status", current.get("status"));
    }
    // ObjectMeta omits these when empty: a removed last label leaves no "labels: {}" behind.
    OMITTED_WHEN_EMPTY.forEach(
        field -> {
          if (metadata.path(field).isContainerNode() && metadata.path(field).isEmpty()) {
            metadata.remove(field);
          }
        });
    return result;
  }

  private static void setOrRemove(ObjectNode object, String field, JsonNode value) {
    if (value == null || value.isNull()) {
      object.remove(field);
    } else {
      object.set(field, value.deepCopy());
    }
  }
}
