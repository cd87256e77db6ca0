package dev.lmi.sandbox.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.zjsonpatch.JsonDiff;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.regex.Pattern;

/**
 * A dispatcher in front of the fabric8 mock's CRUD dispatcher that makes it behave like a real API
 * server where kubectl (and our tests) notice: printer-column Tables, status writes whose path has
 * a query string, RFC 7386 merge patches (null deletes, lists are replaced), refused dry runs (the
 * mock would persist them), 415 for protobuf bodies (the mock hangs on them) and no {@code timeout}
 * parameter (so discovery stubs match whatever {@code --request-timeout} is). See
 * kubectl-on-mock.md.
 */
public final class KubectlCompat extends Dispatcher {
  static final Pattern CR_PATH =
      Pattern.compile("^/apis/([^/]+)/([^/]+)/(?:namespaces/([^/]+)/)?([^/?]+)(?:/([^/?]+))?$");
  private static final ObjectMapper M = new ObjectMapper();
  private final Dispatcher inner;
  private final PrinterTable tables;

  public KubectlCompat(Dispatcher inner) {
    this(inner, Clock.systemUTC());
  }

  public KubectlCompat(Dispatcher inner, Clock clock) {
    this.inner = inner;
    this.tables = new PrinterTable(clock);
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    var r = withPath(request, withoutTimeout(request.getPath()));
    var contentType = String.valueOf(r.getHeader("Content-Type"));
    if (contentType.contains("protobuf")) {
      return status(415, "UnsupportedMediaType", "the fabric8 mock cannot decode " + contentType);
    }
    if (r.getPath().contains("dryRun=")) {
      return status(
          400,
          "BadRequest",
          "dryRun is not supported by the fabric8 mock (it would persist the change)");
    }
    var path = pathOnly(r.getPath());
    if (!"GET".equals(r.getMethod()) && path.endsWith("/status")) {
      r = withPath(r, path);
    }
    if ("PATCH".equals(r.getMethod()) && contentType.startsWith("application/merge-patch+json")) {
      r = mergeAsJsonPatch(r, path);
    }
    var response = inner.dispatch(r);
    if (wantsTable(r, response)) {
      asTable(response, CR_PATH.matcher(path));
    }
    if (response.getWebSocketListener() == null && response.header("Content-Type") == null) {
      response.setHeader("Content-Type", "application/json");
    }
    return response;
  }

  /**
   * The mock merges with Jackson, which stores nulls and appends to lists; RFC 7386 deletes a key
   * set to null and replaces a list whole (so removing a namespace from allowedNamespaces narrows
   * the boundary). Every merge patch is applied here and sent on as the equivalent JSON Patch.
   */
  private RecordedRequest mergeAsJsonPatch(RecordedRequest r, String path) {
    // Reading the body consumes it: every path below hands on a fresh copy.
    var body = r.getBody().readByteArray();
    var unchanged =
        new RecordedRequest(
            r.getHttpVersion(), r.method(), r.getPath(), r.getHeaders(), new Buffer(body));
    try {
      var patch = M.readTree(body);
      var current = get(path.endsWith("/status") ? path.substring(0, path.length() - 7) : path);
      if (current == null) {
        return unchanged;
      }
      var ops = JsonDiff.asJson(current, MergePatch.apply(current, patch));
      var headers =
          r.getHeaders().newBuilder().set("Content-Type", "application/json-patch+json").build();
      return new RecordedRequest(
          r.getHttpVersion(),
          r.method(),
          r.getPath(),
          headers,
          new Buffer(M.writeValueAsBytes(ops)));
    } catch (IOException e) {
      return unchanged;
    }
  }

  private static boolean wantsTable(RecordedRequest r, MockResponse response) {
    var m = CR_PATH.matcher(pathOnly(r.getPath()));
    return "GET".equals(r.getMethod())
        && response.code() == 200
        && String.valueOf(r.getHeader("Accept")).contains("as=Table")
        && !r.getPath().contains("watch=")
        && m.matches()
        && !"apiextensions.k8s.io".equals(m.group(1))
        && !"status".equals(m.group(5));
  }

  private void asTable(MockResponse response, java.util.regex.Matcher m) {
    if (!m.matches()) {
      return;
    }
    var crd = crd(m.group(4), m.group(1));
    if (crd == null) {
      return;
    }
    try {
      var body = M.readTree(response.getBody().getBytes());
      response.setBody(M.writeValueAsString(tables.toTable(crd, m.group(2), body)));
    } catch (IOException e) {
      // Not JSON: leave the answer as the mock gave it.
    }
  }

  /** The CRD named plural.group as JSON, or null. */
  JsonNode crd(String plural, String group) {
    return get("/apis/apiextensions.k8s.io/v1/customresourcedefinitions/" + plural + "." + group);
  }

  /** An object as the mock stores it, or null. */
  JsonNode get(String path) {
    var headers = Headers.builder().add("Accept", "application/json").build();
    var response =
        inner.dispatch(
            new RecordedRequest("HTTP/1.1", HttpMethod.GET, path, headers, new Buffer()));
    if (response.code() != 200) {
      return null;
    }
    try {
      return M.readTree(new String(response.getBody().getBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      return null;
    }
  }

  static String withoutTimeout(String path) {
    if (!path.contains("timeout=")) {
      return path;
    }
    var stripped = path.replaceAll("([?&])timeout=[^&]*&?", "$1");
    return stripped.replaceAll("[?&]$", "");
  }

  static String pathOnly(String path) {
    var q = path.indexOf('?');
    return q < 0 ? path : path.substring(0, q);
  }

  private static RecordedRequest withPath(RecordedRequest r, String path) {
    if (path.equals(r.getPath())) {
      return r;
    }
    return new RecordedRequest(r.getHttpVersion(), r.method(), path, r.getHeaders(), r.getBody());
  }

  static MockResponse status(int code, String reason, String message) {
    var body =
        M.createObjectNode()
            .put("kind", "Status")
            .put("apiVersion", "v1")
            .put("status", "Failure")
            .put("message", message)
            .put("reason", reason)
            .put("code", code);
    body.putObject("metadata");
    return new MockResponse()
        .setResponseCode(code)
        .setHeader("Content-Type", "application/json")
        .setBody(body.toString());
  }
}
