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
    ObjectNode events;
    try {
      events = selected(r.getPath());
    } catch (Refusal refusal) {
      return refusal.response();
    }
    var body =
        String.valueOf(r.getHeader("Accept")).contains("as=Table") ? table.of(events) : events;
    return new MockResponse()
        .setResponseCode(200)
        .setHeader("Content-Type", "application/json")
        .setBody(body.toString());
  }

  /** The EventList the path asks for: the mock's list, then the field and label selectors. */
  private ObjectNode selected(String path) throws Refusal {
    var query = Query.of(path);
    var fields = FieldSelector.parse(query.get("fieldSelector"));
    var labels = LabelSelector.parse(query.get("labelSelector"));
    var list = store.get(Query.without(Query.without(path, "fieldSelector"), "labelSelector"));
    if (!(list instanceof ObjectNode events)) {
      throw new Refusal(ApiStatus.failure(500, "InternalError", "the events could not be listed"));
    }
    var kept = events.arrayNode();
    for (var event : events.path("items")) {
      if (fields.matches(event) && labels.matches(event)) {
        kept.add(event);
      }
    }
    events.put("kind", "EventList").set("items", kept);
    return events;
  }
}
