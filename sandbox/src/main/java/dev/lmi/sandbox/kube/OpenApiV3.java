package dev.lmi.sandbox.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The OpenAPI v3 discovery a real API server publishes for its CRDs ({@code /openapi/v3} and one
 * document per group-version), built from the CRDs stored now. kubectl reads it to explain fields
 * and, seeing the {@code fieldValidation} parameter, leaves validation to the server (it then sends
 * {@code fieldValidation=Strict}, as against EKS).
 */
final class OpenApiV3 {
  static final String ROOT = "/openapi/v3";
  private static final ObjectMapper M = new ObjectMapper();
  private static final String CRDS = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions";
  private final Store store;
  private final JsonNode meta;

  OpenApiV3(Store store) {
    this.store = store;
    try (var in = OpenApiV3.class.getResourceAsStream("openapi-meta-v1.json")) {
      this.meta = M.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the ObjectMeta schemas", e);
    }
  }

  static boolean serves(String path) {
    return path.equals(ROOT) || path.startsWith(ROOT + "/");
  }

  MockResponse answer(RecordedRequest r) {
    var documents = documents();
    var path = Query.pathOnly(r.getPath());
    if (path.equals(ROOT)) {
      var root = M.createObjectNode();
      var paths = root.putObject("paths");
      documents.forEach(
          (gv, doc) ->
              paths.putObject(gv).put("serverRelativeURL", ROOT + "/" + gv + "?hash=" + hash(doc)));
      return json(root.toString(), null);
    }
    var doc = documents.get(path.substring(ROOT.length() + 1));
    if (doc == null) {
      return ApiStatus.failure(404, "NotFound", "the server could not find the requested resource");
    }
    return json(doc, hash(doc));
  }

  /** The document of each served group-version ("apis/lmi.dev/v1alpha1"), as JSON. */
  Map<String, String> documents() {
    var byGv = new TreeMap<String, ObjectNode>();
    var crds = store.get(CRDS);
    for (var crd : crds == null ? M.createArrayNode() : crds.path("items")) {
      var group = crd.path("spec").path("group").asText();
      for (var version : crd.path("spec").path("versions")) {
        if (version.path("served").asBoolean(true)) {
          var gv = "apis/" + group + "/" + version.path("name").asText();
          var doc = byGv.computeIfAbsent(gv, k -> emptyDocument());
          OpenApiKinds.add(doc, crd, version);
        }
      }
    }
    var out = new TreeMap<String, String>();
    byGv.forEach((gv, doc) -> out.put(gv, doc.toString()));
    return out;
  }

  private ObjectNode emptyDocument() {
    var doc = M.createObjectNode().put("openapi", "3.0.0");
    doc.putObject("info").put("title", "Kubernetes CRD Swagger").put("version", "v0.1.0");
    doc.putObject("paths");
    doc.putObject("components").set("schemas", meta.deepCopy());
    return doc;
  }

  private static String hash(String document) {
    try {
      var digest = MessageDigest.getInstance("SHA-512");
      return HexFormat.of()
          .withUpperCase()
          .formatHex(digest.digest(document.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static MockResponse json(String body, String etag) {
    var response =
        new MockResponse()
            .setResponseCode(200)
            .setHeader("Content-Type", "application/json")
            .setBody(body);
    if (etag != null) {
      response.setHeader("Etag", "\"" + etag + "\"");
    }
    return response;
  }
}
