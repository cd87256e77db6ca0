package dev.lmi.sandbox.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The mock's store as the compatibility layer sees it: plain JSON reads and writes. */
final class Store {
  private static final ObjectMapper M = new ObjectMapper();
  private final Dispatcher inner;

  Store(Dispatcher inner) {
    this.inner = inner;
  }

  /** An object (or list) as the mock stores it, or null. */
  JsonNode get(String path) {
    var response = send(HttpMethod.GET, path, null);
    if (response.code() != 200) {
      return null;
    }
    try {
      return M.readTree(new String(body(response), StandardCharsets.UTF_8));
    } catch (IOException e) {
      return null;
    }
  }

  /** The CRD named plural.group as JSON, or null. */
  JsonNode crd(String plural, String group) {
    return get("/apis/apiextensions.k8s.io/v1/customresourcedefinitions/" + plural + "." + group);
  }

  boolean namespaceExists(String name) {
    return get("/api/v1/namespaces/" + name) != null;
  }

  /** Sends a request to the mock as JSON; body null for none. */
  MockResponse send(HttpMethod method, String path, JsonNode body) {
    var headers = Headers.builder().add("Accept", "application/json");
    var buffer = new Buffer();
    if (body != null) {
      headers.add("Content-Type", "application/json");
      buffer = new Buffer(body.toString().getBytes(StandardCharsets.UTF_8));
    }
    return inner.dispatch(new RecordedRequest("HTTP/1.1", method, path, headers.build(), buffer));
  }

  /** The body of a request as bytes, without consuming it. */
  static byte[] body(RecordedRequest request) {
    return request.getBody() == null ? new byte[0] : request.getBody().getBytes();
  }

  /** The body of a response as bytes; none when the mock set no body. */
  static byte[] body(MockResponse response) {
    return response.getBody() == null ? new byte[0] : response.getBody().getBytes();
  }
}
