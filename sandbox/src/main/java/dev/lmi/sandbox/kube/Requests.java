package dev.lmi.sandbox.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.zjsonpatch.JsonDiff;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Rewrites of requests the mock would get wrong, for the objects the compatibility layer leaves to
 * it (namespaces, events, leases, ...): a status path with a query string (the mock's check is
 * {@code endsWith("/status")}) and merge patches (the mock merges with Jackson, which stores nulls
 * and appends to lists; RFC 7386 deletes and replaces), which become the equivalent JSON Patch.
 */
final class Requests {
  private static final ObjectMapper M = new ObjectMapper();

  private Requests() {}

  static RecordedRequest forMock(RecordedRequest r, String path, Store store) {
    if (path.endsWith("/status")) {
      r = withPath(r, path);
    }
    var contentType = String.valueOf(r.getHeader("Content-Type"));
    if ("PATCH".equals(r.getMethod()) && contentType.startsWith("application/merge-patch+json")) {
      return mergeAsJsonPatch(r, path, store);
    }
    return r;
  }

  private static RecordedRequest mergeAsJsonPatch(RecordedRequest r, String path, Store store) {
    // Reading the body consumes it: every path below hands on a fresh copy.
    var body = r.getBody().readByteArray();
    var unchanged = withBody(r, r.getHeader("Content-Type"), body);
    try {
      var current =
          store.get(path.endsWith("/status") ? path.substring(0, path.length() - 7) : path);
      if (current == null) {
        return unchanged;
      }
      var ops = JsonDiff.asJson(current, MergePatch.apply(current, M.readTree(body)));
      return withBody(r, "application/json-patch+json", M.writeValueAsBytes(ops));
    } catch (IOException e) {
      return unchanged;
    }
  }

  private static RecordedRequest withBody(RecordedRequest r, String contentType, byte[] body) {
    var headers = r.getHeaders().newBuilder().set("Content-Type", contentType).build();
    return new RecordedRequest(
        r.getHttpVersion(), r.method(), r.getPath(), headers, new Buffer(body));
  }

  /** The request with a JSON body in place of the one it was sent with. */
  static RecordedRequest asJson(RecordedRequest r, JsonNode body) {
    return withBody(r, "application/json", body.toString().getBytes(StandardCharsets.UTF_8));
  }

  static String withoutTimeout(String path) {
    return Query.without(path, "timeout");
  }

  static RecordedRequest withPath(RecordedRequest r, String path) {
    if (path.equals(r.getPath())) {
      return r;
    }
    return new RecordedRequest(r.getHttpVersion(), r.method(), path, r.getHeaders(), r.getBody());
  }
}
