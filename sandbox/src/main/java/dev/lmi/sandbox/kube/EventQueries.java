package dev.lmi.sandbox.kube;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.time.Clock;
import java.util.regex.Pattern;

/**
 * Lists of core/v1 Events as a real API server answers them: selected by field ({@code kubectl
 * describe} asks for the events whose {@code involvedObject} is the object described; the mock
 * matches no such field) and, when kubectl asks for a Table, with the event columns (LAST SEEN,
 * TYPE, REASON, OBJECT, MESSAGE).
 */
final class EventQueries {
  private static final Pattern EVENTS = Pattern.compile("^/api/v1/(?:namespaces/[^/]+/)?events$");
  private final Store store;
  private final EventTable table;

  EventQueries(Store store, Clock clock) {
    this.store = store;
    this.table = new EventTable(clock);
  }

  /** A list of events (not one event, not a watch). */
  static boolean serves(RecordedRequest r) {
    return EVENTS.matcher(Query.pathOnly(r.getPath())).matches()
        && !Query.of(r.getPath()).has("watch");
  }

  MockResponse answer(RecordedRequest r) {
    FieldSelector selector;
    LabelSelector labels;
    try {
      selector = FieldSelector.parse(Query.of(r.getPath()).get("fieldSelector"));
      labels = LabelSelector.parse(Query.of(r.getPath()).get("labelSelector"));
    } catch (Refusal refusal) {
      return refusal.response();
    }
    var list =
        store.get(Query.without(Query.without(r.getPath(), "fieldSelector"), "labelSelector"));
    if (!(list instanceof ObjectNode events)) {
      return ApiStatus.failure(500, "InternalError", "the events could not be listed");
    }
    events.put("kind", "EventList");
    var kept = events.arrayNode();
    events
        .path("items")
        .forEach(
            event -> {
              if (selector.matches(event) && labels.matches(event)) {
                kept.add(event);
              }
            });
    events.set("items", kept);
    var body =
        String.valueOf(r.getHeader("Accept")).contains("as=Table") ? table.of(events) : events;
    return new MockResponse()
        .setResponseCode(200)
        .setHeader("Content-Type", "application/json")
        .setBody(body.toString());
  }
}
