package dev.lmi.sandbox.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.zjsonpatch.JsonPatch;
import java.io.IOException;

/**
 * Applies a PATCH body to the stored object the way a real API server does for custom resources:
 * JSON merge patch (RFC 7386: null deletes, lists are replaced) and JSON Patch (RFC 6902).
 * Strategic merge patch does not exist for custom resources, and server-side apply is not offered
 * here.
 */
final class Patches {
  static final String SERVER_SIDE_APPLY =
      "server-side apply is not supported by the local mode's Kubernetes API: use client-side"
          + " apply (kubectl apply without --server-side), or kubectl patch --type merge or --type"
          + " json";
  private static final ObjectMapper M = new ObjectMapper();

  private Patches() {}

  static JsonNode apply(JsonNode current, String contentType, byte[] body) throws Refusal {
    var type = contentType == null ? "" : contentType.split(";")[0].trim();
    switch (type) {
      case "application/merge-patch+json" -> {
        return MergePatch.apply(current, parse(body));
      }
      case "application/json-patch+json" -> {
        return jsonPatch(current, parse(body));
      }
      case "application/apply-patch+yaml", "application/apply-patch+cbor" ->
          throw new Refusal(ApiStatus.failure(415, "UnsupportedMediaType", SERVER_SIDE_APPLY));
      default ->
          throw new Refusal(
              ApiStatus.failure(
                  415,
                  "UnsupportedMediaType",
                  "the body of the request was in an unknown format - accepted media types"
                      + " include: application/json-patch+json, application/merge-patch+json"));
    }
  }

  private static JsonNode jsonPatch(JsonNode current, JsonNode patch) throws Refusal {
    if (!patch.isArray()) {
      throw new Refusal(
          ApiStatus.badRequest(
              "json: cannot unmarshal object into Go value of type jsonpatch.Patch"));
    }
    try {
      return JsonPatch.apply(patch, current);
    } catch (RuntimeException e) {
      throw new Refusal(ApiStatus.failure(422, "Invalid", e.getMessage()));
    }
  }

  private static JsonNode parse(byte[] body) throws Refusal {
    try {
      var node = M.readTree(body);
      if (node == null) {
        throw new Refusal(ApiStatus.badRequest("error decoding patch: empty patch"));
      }
      return node;
    } catch (IOException e) {
      throw new Refusal(ApiStatus.badRequest("error decoding patch: " + Json.reason(e)));
    }
  }
}
