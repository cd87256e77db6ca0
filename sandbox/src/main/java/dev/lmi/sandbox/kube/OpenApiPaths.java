package dev.lmi.sandbox.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The operations of a CRD version in its OpenAPI v3 document: list, create, read, replace, patch,
 * delete and the status subresource, with the GVK extension kubectl matches operations by and the
 * write parameters it looks for ({@code dryRun}, {@code fieldManager}, {@code fieldValidation}).
 */
final class OpenApiPaths {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final String SCHEMAS = "#/components/schemas/";
  private static final String STATUS = OpenApiKinds.META + "Status";

  private OpenApiPaths() {}

  static void add(
      ObjectNode paths, JsonNode crd, JsonNode version, ObjectNode gvk, String schemaPrefix) {
    var spec = crd.path("spec");
    var plural = spec.path("names").path("plural").asText();
    var kind = gvk.path("kind").asText();
    var namespaced = "Namespaced".equals(spec.path("scope").asText());
    var base = "/apis/" + spec.path("group").asText() + "/" + version.path("name").asText();
    var item = SCHEMAS + schemaPrefix + kind;
    var list = SCHEMAS + schemaPrefix + spec.path("names").path("listKind").asText(kind + "List");
    var scope = namespaced ? "Namespaced" : "";
    if (namespaced) {
      paths
          .putObject(base + "/" + plural)
          .set("get", op("list", "list" + kind + "ForAllNamespaces", gvk, list));
    }
    var collection = base + (namespaced ? "/namespaces/{namespace}/" : "/") + plural;
    var items = paths.putObject(collection);
    items.set("get", op("list", "list" + scope + kind, gvk, list));
    items.set("post", write("post", "create" + scope + kind, gvk, item));
    items.set("delete", op("deletecollection", "deletecollection" + scope + kind, gvk, STATUS));
    var one = paths.putObject(collection + "/{name}");
    one.set("get", op("get", "read" + scope + kind, gvk, item));
    one.set("put", write("put", "replace" + scope + kind, gvk, item));
    one.set("patch", write("patch", "patch" + scope + kind, gvk, item));
    one.set("delete", op("delete", "delete" + scope + kind, gvk, STATUS));
    if (version.path("subresources").has("status")) {
      var status = paths.putObject(collection + "/{name}/status");
      status.set("get", op("get", "read" + scope + kind + "Status", gvk, item));
      status.set("put", write("put", "replace" + scope + kind + "Status", gvk, item));
      status.set("patch", write("patch", "patch" + scope + kind + "Status", gvk, item));
    }
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
    parameters.add(
        query(
            "dryRun",
            "When present, indicates that modifications should not be persisted. The only valid value is All."));
    parameters.add(
        query(
            "fieldManager",
            "A name associated with the actor or entity that is making these changes."));
    parameters.add(
        query(
            "fieldValidation",
            "How the server handles fields the schema does not declare: Ignore (drop them), Warn (drop them and warn, the default) or Strict (fail the request)."));
    var content = op.putObject("requestBody").putObject("content");
    var types =
        "patch".equals(action)
            ? new String[] {"application/json-patch+json", "application/merge-patch+json"}
            : new String[] {"application/json"};
    for (var type : types) {
      var ref = "patch".equals(action) ? OpenApiKinds.META + "Patch" : schema;
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
