package dev.lmi.sandbox.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One CRD version in an OpenAPI v3 document, as apiextensions-apiserver's builder lays it out: the
 * kind's schema (the CRD's, with apiVersion, kind and ObjectMeta added) and its list, each tagged
 * with {@code x-kubernetes-group-version-kind}, and the operations on the resource.
 */
final class OpenApiKinds {
  static final String META = "#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.";
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private OpenApiKinds() {}

  static void add(ObjectNode doc, JsonNode crd, JsonNode version) {
    var spec = crd.path("spec");
    var group = spec.path("group").asText();
    var kind = spec.path("names").path("kind").asText();
    var listKind = spec.path("names").path("listKind").asText(kind + "List");
    var prefix = reversed(group) + "." + version.path("name").asText() + ".";
    var schemas = (ObjectNode) doc.path("components").path("schemas");
    var schema = version.path("schema").path("openAPIV3Schema");
    var gvk = gvk(group, version.path("name").asText(), kind);
    schemas.set(prefix + kind, kindSchema(schema, gvk));
    schemas.set(
        prefix + listKind,
        listSchema(kind, prefix + kind, gvk(group, gvk.path("version").asText(), listKind)));
    OpenApiPaths.add((ObjectNode) doc.path("paths"), crd, version, gvk, prefix);
  }

  private static ObjectNode kindSchema(JsonNode crdSchema, ObjectNode gvk) {
    var schema = crdSchema.isObject() ? (ObjectNode) crdSchema.deepCopy() : F.objectNode();
    schema.put("type", "object");
    var properties = schema.withObjectProperty("properties");
    properties.set("apiVersion", typeMeta("apiVersion"));
    properties.set("kind", typeMeta("kind"));
    var metadata = F.objectNode().put("description", "Standard object's metadata.");
    metadata.putArray("allOf").addObject().put("$ref", META + "ObjectMeta");
    properties.set("metadata", metadata);
    schema.putArray("x-kubernetes-group-version-kind").add(gvk);
    return schema;
  }

  private static ObjectNode listSchema(String kind, String itemSchema, ObjectNode gvk) {
    var schema =
        F.objectNode()
            .put("description", gvk.path("kind").asText() + " is a list of " + kind)
            .put("type", "object");
    schema.putArray("required").add("items");
    var properties = schema.putObject("properties");
    properties.set("apiVersion", typeMeta("apiVersion"));
    var items = properties.putObject("items");
    items.put("description", "List of " + kind.toLowerCase() + "s.").put("type", "array");
    items.putObject("items").put("$ref", "#/components/schemas/" + itemSchema);
    properties.set("kind", typeMeta("kind"));
    var metadata = properties.putObject("metadata").put("description", "Standard list metadata.");
    metadata.putArray("allOf").addObject().put("$ref", META + "ListMeta");
    schema.putArray("x-kubernetes-group-version-kind").add(gvk);
    return schema;
  }

  private static ObjectNode typeMeta(String field) {
    var description =
        "apiVersion".equals(field)
            ? "APIVersion defines the versioned schema of this representation of an object."
                + " Servers should convert recognized schemas to the latest internal value, and"
                + " may reject unrecognized values."
            : "Kind is a string value representing the REST resource this object represents."
                + " Servers may infer this from the endpoint the client submits requests to."
                + " Cannot be updated. In CamelCase.";
    return F.objectNode().put("description", description).put("type", "string");
  }

  static ObjectNode gvk(String group, String version, String kind) {
    return F.objectNode().put("group", group).put("kind", kind).put("version", version);
  }

  /** lmi.dev becomes dev.lmi, as the API server names a CRD's schemas. */
  private static String reversed(String group) {
    var parts = group.split("\\.");
    var out = new StringBuilder();
    for (var i = parts.length - 1; i >= 0; i--) {
      out.append(parts[i]).append(i > 0 ? "." : "");
    }
    return out.toString();
  }
}
