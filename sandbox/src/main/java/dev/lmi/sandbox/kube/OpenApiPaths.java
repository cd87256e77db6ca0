package dev.lmi.sandbox.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The operations of a CRD version in its OpenAPI v3 document: list, create, read, replace, patch,
 * delete and the status subresource, with the GVK extension kubectl matches operations by and the
 * write parameters it looks for ({@code dryRun}, {@code fieldManager}, {@code fieldValidation}).
 */
final class OpenApiPaths {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final String SCHEMAS = "#/components/schemas/";
  private static final String STATUS = OpenApiKinds.META + "Status";
  private static final List<String> PATCH_TYPES =
      List.of("application/json-patch+json", "application/merge-patch+json");
  // kubectl leaves validation to the server only when PATCH declares fieldValidation.
  private static final Map<String, String> WRITE_PARAMETERS =
      new TreeMap<>(
          Map.of(
              "dryRun",
              "When present, modifications are not persisted. The only valid value is All.",
              "fieldManager",
              "A name of the actor making these changes.",
              "fieldValidation",
              "How the server treats fields the schema does not declare: Ignore (drop them), Warn"
                  + " (drop them with a warning; the default) or Strict (refuse the request)."));

  private OpenApiPaths() {}

  /** The names one CRD version's operations use: its kind, schemas and scope. */
  private record Kind(ObjectNode gvk, String scope, String item, String list) {
    String id(String verb) {
      return verb + scope + gvk.path("kind").asText();
    }
  }

  static void add(
      ObjectNode paths, JsonNode crd, JsonNode version, ObjectNode gvk, String schemaPrefix) {
    var spec = crd.path("spec");
    var names = spec.path("names");
    var kindName = gvk.path("kind").asText();
    var namespaced = "Namespaced".equals(spec.path("scope").asText());
    var kind =
        new Kind(
            gvk,
            namespaced ? "Namespaced" : "",
            SCHEMAS + schemaPrefix + kindName,
            SCHEMAS + schemaPrefix + names.path("listKind").asText(kindName + "List"));
    var base = "/apis/" + spec.path("group").asText() + "/" + version.path("name").asText();
    var plural = names.path("plural").asText();
    if (namespaced) {
      var id = "list" + kindName + "ForAllNamespaces";
      paths.putObject(base + "/" + plural).set("get", op("list", id, gvk, kind.list()));
    }
    var collection = base + (namespaced ? "/namespaces/{namespace}/" : "/") + plural;
    collection(paths.putObject(collection), kind);
    object(paths.putObject(collection + "/{name}"), kind);
    if (version.path("subresources").has("status")) {
      status(paths.putObject(collection + "/{name}/status"), kind);
    }
  }

  private static void collection(ObjectNode path, Kind kind) {
    path.set("get", op("list", kind.id("list"), kind.gvk(), kind.list()));
    path.set("post", write("post", kind.id("create"), kind.gvk(), kind.item()));
    path.set("delete", op("deletecollection", kind.id("deletecollection"), kind.gvk(), STATUS));
  }

  private static void object(ObjectNode path, Kind kind) {
    path.set("get", op("get", kind.id("read"), kind.gvk(), kind.item()));
    path.set("put", write("put", kind.id("replace"), kind.gvk(), kind.item()));
    path.set("patch", write("patch", kind.id("patch"), kind.gvk(), kind.item()));
    path.set("delete", op("delete", kind.id("delete"), kind.gvk(), STATUS));
  }

  private static void status(ObjectNode path, Kind kind) {
    path.set("get", op("get", kind.id("read") + "Status", kind.gvk(), kind.item()));
    path.set("put", write("put", kind.id("replace") + "Status", kind.gvk(), kind.item()));
    path.set("patch", write("patch", kind.id("patch") + "Status", kind.gvk(), kind.item()));
  }

  private static ObjectNode op(String action, String operationId, ObjectNode gvk, String returns) {
    var op = F.objectNode().put("operationId", operationId);
    op.putArray("parameters");
    var ok = op.putObject("responses").putObject("200").put("description", "OK");
    ok.putObject("content").putObject("application/json").putObject("schema").put("$ref", returns);
    op.put("x-kubernetes-action", action);
    op.set("x-kubernetes-group-version-kind", gvk);
    return op;
  }

  private static ObjectNode write(
      String action, String operationId, ObjectNode gvk, String schema) {
    var op = op(action, operationId, gvk, schema);
    var parameters = op.withArray("parameters");
    WRITE_PARAMETERS.forEach((name, text) -> parameters.add(query(name, text)));
    var patch = "patch".equals(action);
    var content = op.putObject("requestBody").putObject("content");
    for (var type : patch ? PATCH_TYPES : List.of("application/json")) {
      var ref = patch ? OpenApiKinds.META + "Patch" : schema;
      content.putObject(type).putObject("schema").put("$ref", ref);
    }
    return op;
  }

  private static ObjectNode query(String name, String description) {
    var parameter =
        F.objectNode().put("name", name).put("in", "query").put("description", description);
    parameter.putObject("schema").put("type", "string").put("uniqueItems", true);
    return parameter;
  }
}
