package dev.lmi.sandbox.kube;

import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * A dispatcher in front of the fabric8 mock's CRUD dispatcher that makes it behave like a real API
 * server where kubectl (and our tests) notice: writes to custom resources admitted as a real server
 * admits them ({@link CustomResourceWrites}: patches per RFC 7386 and 6902, status apart, pruning,
 * defaults, validation, field validation, dry runs), Status answers in the real wording, the
 * OpenAPI v3 documents kubectl validates and explains with, events selected by their object and
 * printed as tables, printer-column Tables, status writes whose path has a query string, 415 for
 * protobuf bodies (the mock hangs on them) and no {@code timeout} parameter (so discovery stubs
 * match whatever {@code --request-timeout} is). See kubectl-on-mock.md.
 */
public final class KubectlCompat extends Dispatcher {
  private static final Logger LOG = Logger.getLogger(KubectlCompat.class.getName());

  /** A path on a custom resource or its collection (not a subresource). */
  static final Pattern CR_PATH =
      Pattern.compile("^/apis/([^/]+)/([^/]+)/(?:namespaces/([^/]+)/)?([^/?]+)(?:/([^/?]+))?$");

  private static final String PROTOBUF =
      "the local Kubernetes API reads protobuf bodies only for namespaces, config maps and"
          + " secrets (kubectl create namespace|configmap|secret); write a YAML manifest and use"
          + " kubectl apply -f";
  private final Dispatcher inner;
  private final Store store;
  private final CustomResourceWrites writes;
  private final CustomResourceReads reads;
  private final OpenApiV3 openApi;
  private final EventQueries events;

  /** The compatibility layer without admission: objects are stored as they are sent. */
  public KubectlCompat(Dispatcher inner) {
    this(inner, Admission.NONE);
  }

  public KubectlCompat(Dispatcher inner, Admission admission) {
    this(inner, admission, Clock.systemUTC());
  }

  public KubectlCompat(Dispatcher inner, Admission admission, Clock clock) {
    this.inner = inner;
    this.store = new Store(inner);
    this.writes = new CustomResourceWrites(store, admission);
    this.reads = new CustomResourceReads(store, clock);
    this.openApi = new OpenApiV3(store);
    this.events = new EventQueries(store, clock);
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    var r = Requests.withPath(request, Requests.withoutTimeout(request.getPath()));
    var contentType = String.valueOf(r.getHeader("Content-Type"));
    if (contentType.contains("protobuf")) {
      var json = ProtobufBodies.toJson(Store.body(r));
      if (json.isEmpty()) {
        return ApiStatus.failure(415, "UnsupportedMediaType", PROTOBUF);
      }
      r = Requests.asJson(r, json.get());
    }
    MockResponse response;
    try {
      response = answer(r);
    } catch (Refusal refusal) {
      response = refusal.response();
    } catch (RuntimeException e) {
      // The mock's server never answers a request whose dispatch throws: the client would hang.
      LOG.log(Level.WARNING, "failed to answer " + r.getMethod() + " " + r.getPath(), e);
      response = ApiStatus.failure(500, "InternalError", "the local API server failed: " + e);
    }
    if (response.getWebSocketListener() == null && response.header("Content-Type") == null) {
      response.setHeader("Content-Type", "application/json");
    }
    return response;
  }

  private MockResponse answer(RecordedRequest r) throws Refusal {
    var path = Query.pathOnly(r.getPath());
    if ("GET".equals(r.getMethod())) {
      return read(r, path);
    }
    var resource = CustomResourcePath.parse(path, store);
    if (resource.isPresent() && CustomResourceWrites.handles(r, resource.get())) {
      return writes.handle(r, resource.get());
    }
    if (DryRun.asked(r)) {
      return PlainDryRun.answer(r, path, store);
    }
    var forMock = Requests.forMock(r, path, store);
    return reads.answer(forMock, inner.dispatch(forMock));
  }

  private MockResponse read(RecordedRequest r, String path) throws Refusal {
    if (OpenApiV3.serves(path)) {
      return openApi.answer(r);
    }
    if (EventQueries.serves(r)) {
      return events.answer(r);
    }
    var query = Query.of(r.getPath());
    if (query.has("watch")) {
      return reads.answer(r, inner.dispatch(r));
    }
    if (query.has("fieldSelector") && CustomResourcePath.parse(path, store).isPresent()) {
      FieldSelector.requireMetadataOnly(query.get("fieldSelector"));
    }
    // The mock ignores set-based label selectors: select here, from the whole list.
    var labels = LabelSelector.parse(query.get("labelSelector"));
    var all = Requests.withPath(r, Query.without(r.getPath(), "labelSelector"));
    return reads.answer(all, labels.select(inner.dispatch(all)));
  }
}
