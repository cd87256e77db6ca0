package dev.lmi.sandbox.kube;

import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;

/**
 * Dry runs of writes to objects without a CRD (namespaces, config maps, ...): the answer is the
 * object as the write would leave it, without admission (the API server's built-in validation of
 * those kinds is not modelled), and nothing is stored.
 */
final class PlainDryRun {
  private PlainDryRun() {}

  static MockResponse answer(RecordedRequest r, String path, Store store) {
    var body = Store.body(r);
    try {
      if ("POST".equals(r.getMethod())) {
        return DryRun.created(Json.object(body));
      }
      var current = store.get(path);
      if (current == null) {
        return ApiStatus.failure(
            404, "NotFound", "the server could not find the requested resource");
      }
      return switch (r.getMethod()) {
        case "PUT" -> DryRun.updated(current, Json.object(body));
        case "PATCH" ->
            DryRun.updated(current, Patches.apply(current, r.getHeader("Content-Type"), body));
        default -> DryRun.deleted(current);
      };
    } catch (Refusal refusal) {
      return refusal.response();
    }
  }
}
