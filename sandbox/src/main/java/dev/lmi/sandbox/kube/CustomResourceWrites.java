package dev.lmi.sandbox.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Creates, updates and patches custom resources as a real API server does, where the mock alone
 * would store whatever it is sent: the result of a write is computed here (merge and JSON patches
 * applied to the stored object, status kept apart from the rest), admitted ({@link Admission}:
 * pruning, defaults, validation, with unknown fields refused, warned about or ignored as the
 * request's {@code fieldValidation} asks), then stored whole, or only answered for a dry run.
 */
final class CustomResourceWrites {
  private final Store store;
  private final Admission admission;
  // Each write reads the stored object, then replaces it: no other write may come in between, as
  // none can inside a real API server's optimistic concurrency.
  private final ReentrantLock lock = new ReentrantLock();

  CustomResourceWrites(Store store, Admission admission) {
    this.store = store;
    this.admission = admission;
  }

  /** Whether this class answers the request (the mock answers reads and plain deletes). */
  static boolean handles(RecordedRequest r, CustomResourcePath at) {
    var subresource = at.subresource() == null || at.isStatus();
    return switch (r.getMethod()) {
      case "POST" -> at.name() == null;
      case "PUT", "PATCH" -> at.name() != null && subresource;
      case "DELETE" -> at.name() != null && at.subresource() == null && DryRun.asked(r);
      default -> false;
    };
  }

  MockResponse handle(RecordedRequest r, CustomResourcePath at) {
    var query = Query.of(r.getPath());
    var body = r.getBody() == null ? new byte[0] : r.getBody().readByteArray();
    lock.lock();
    try {
      return switch (r.getMethod()) {
        case "POST" -> create(at, query, Json.object(body));
        case "PUT" -> update(at, query, current -> Json.object(body), false);
        case "PATCH" ->
            update(
                at,
                query,
                current -> Patches.apply(current, r.getHeader("Content-Type"), body),
                true);
        default -> DryRun.deleted(stored(at));
      };
    } catch (Refusal refusal) {
      return refusal.response();
    } finally {
      lock.unlock();
    }
  }

  private MockResponse create(CustomResourcePath at, Query query, ObjectNode object)
      throws Refusal {
    Identity.requireKind(at, object);
    var metadata = Json.metadata(object);
    Identity.placeInNamespace(at, metadata, store);
    if (at.hasStatus()) {
      object.remove("status");
    }
    var verdict = admission.admit(object, null);
    var warnings =
        FieldValidation.check(
            query, verdict, () -> FieldValidation.undecodable(at, object, verdict));
    var name = metadata.path("name").asText("");
    if (!verdict.causes().isEmpty()) {
      var invalid = ApiStatus.invalid(at.group(), at.kind(), name, verdict.causes());
      throw new Refusal(FieldValidation.warn(invalid, warnings));
    }
    if (!name.isEmpty() && store.get(at.named(name).objectPath()) != null) {
      throw new Refusal(ApiStatus.alreadyExists(at.group(), at.plural(), name));
    }
    if (DryRun.asked(query)) {
      return FieldValidation.warn(DryRun.created(verdict.object()), warnings);
    }
    return FieldValidation.warn(
        store.send(HttpMethod.POST, at.collectionPath(), verdict.object()), warnings);
  }

  /** A write's new state, computed from the stored object. */
  private interface Change {
    JsonNode apply(JsonNode current) throws Refusal;
  }

  private MockResponse update(CustomResourcePath at, Query query, Change change, boolean patch)
      throws Refusal {
    var current = stored(at);
    var requested = Json.object(change.apply(current));
    Identity.requireKind(at, requested);
    Identity.requireSameObject(at, current, requested);
    var result = Identity.keep(at, current, requested);
    var verdict = admission.admit(result, current);
    Supplier<MockResponse> strict =
        patch
            ? () -> FieldValidation.unknownInPatch(requested, verdict)
            : () -> FieldValidation.undecodable(at, requested, verdict);
    var warnings = FieldValidation.check(query, verdict, strict);
    var causes = Ratchet.changedOnly(verdict.causes(), current, verdict.object());
    if (!causes.isEmpty()) {
      var invalid = ApiStatus.invalid(at.group(), at.kind(), at.name(), causes);
      throw new Refusal(FieldValidation.warn(invalid, warnings));
    }
    var stored = verdict.object();
    if (DryRun.asked(query)) {
      return FieldValidation.warn(DryRun.updated(current, stored), warnings);
    }
    return FieldValidation.warn(replace(at, stored), warnings);
  }

  private MockResponse replace(CustomResourcePath at, JsonNode stored) {
    var path = at.isStatus() ? at.objectPath() + "/status" : at.objectPath();
    var response = store.send(HttpMethod.PUT, path, stored);
    if (response.code() == 200 && Store.body(response).length == 0) {
      // The write removed the last finalizer of an object being deleted: it is gone, and a real
      // API server answers with its last state.
      response.setBody(stored.toString());
    }
    return response;
  }

  private JsonNode stored(CustomResourcePath at) throws Refusal {
    var current = store.get(at.objectPath());
    if (current == null) {
      throw new Refusal(ApiStatus.notFound(at.group(), at.plural(), at.name()));
    }
    return current;
  }
}
