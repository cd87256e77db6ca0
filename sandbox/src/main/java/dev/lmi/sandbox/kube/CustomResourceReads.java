package dev.lmi.sandbox.kube;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads answered as a real API server answers them: for custom resources a {@code meta.k8s.io/v1
 * Table} with the CRD's printer columns when kubectl asks for one ({@code as=Table}), and for any
 * object a NotFound Status naming it ({@code lmifunctions.lmi.dev "x" not found}, {@code namespaces
 * "x" not found}) where the mock answers a bare 404.
 */
final class CustomResourceReads {
  private static final ObjectMapper M = new ObjectMapper();
  private static final Pattern CORE_OBJECT =
      Pattern.compile("^/api/v1/(?:namespaces/[^/]+/)?([^/]+)/([^/]+)$");
  private final Store store;
  private final PrinterTable tables;

  CustomResourceReads(Store store, Clock clock) {
    this.store = store;
    this.tables = new PrinterTable(clock);
  }

  MockResponse answer(RecordedRequest r, MockResponse response) {
    var path = r.getPath();
    if (response.code() == 404 && Store.body(response).length == 0) {
      return notFound(path).orElse(response);
    }
    if (!path.startsWith("/apis/") || path.startsWith("/apis/apiextensions.k8s.io/")) {
      return response;
    }
    if (wantsTable(r, response)) {
      CustomResourcePath.parse(path, store)
          .filter(at -> at.subresource() == null)
          .ifPresent(at -> asTable(response, at));
    }
    return response;
  }

  /** The NotFound Status naming the object a path asks for, where the mock sent a bare 404. */
  private Optional<MockResponse> notFound(String path) {
    var core = CORE_OBJECT.matcher(Query.pathOnly(path));
    if (core.matches()) {
      return Optional.of(ApiStatus.notFound("", core.group(1), core.group(2)));
    }
    return CustomResourcePath.parse(path, store)
        .filter(at -> at.name() != null && at.subresource() == null)
        .map(at -> ApiStatus.notFound(at.group(), at.plural(), at.name()));
  }

  private static boolean wantsTable(RecordedRequest r, MockResponse response) {
    return "GET".equals(r.getMethod())
        && response.code() == 200
        && String.valueOf(r.getHeader("Accept")).contains("as=Table")
        && !Query.of(r.getPath()).has("watch");
  }

  private void asTable(MockResponse response, CustomResourcePath at) {
    try {
      var body = M.readTree(Store.body(response));
      response.setBody(M.writeValueAsString(tables.toTable(at.crd(), at.version(), body)));
    } catch (IOException e) {
      // Not JSON: leave the answer as the mock gave it.
    }
  }
}
