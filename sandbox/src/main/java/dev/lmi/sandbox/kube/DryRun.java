package dev.lmi.sandbox.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Server-side dry run ({@code dryRun=All}): the write goes through admission and defaulting and is
 * answered as if stored, with what the server would have set, and nothing is stored.
 */
final class DryRun {
  private static final ObjectMapper M = new ObjectMapper();

  private DryRun() {}

  /** Asked in the query (create, update, patch) or in a delete's DeleteOptions body. */
  static boolean asked(RecordedRequest r) {
    if (asked(Query.of(r.getPath()))) {
      return true;
    }
    if (!"DELETE".equals(r.getMethod()) || r.getBody() == null) {
      return false;
    }
    try {
      for (var mode : M.readTree(r.getBody().getBytes()).path("dryRun")) {
        if ("All".equals(mode.asText())) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      return false;
    }
  }

  static boolean asked(Query query) {
    return "All".equals(query.get("dryRun"));
  }

  static MockResponse created(JsonNode admitted) {
    var object = (ObjectNode) admitted.deepCopy();
    var metadata = Json.metadata(object);
    if (metadata.path("name").asText("").isEmpty()) {
      var suffix = UUID.randomUUID().toString().substring(0, 5);
      metadata.put("name", metadata.path("generateName").asText("") + suffix);
    }
    metadata.put("uid", UUID.randomUUID().toString());
    metadata.put("creationTimestamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    metadata.put("generation", 1);
    return answer(201, object);
  }

  /**
   * The object as the update would store it: generation moves when anything but metadata or status
   * does.
   */
  static MockResponse updated(JsonNode stored, JsonNode admitted) {
    var object = (ObjectNode) admitted.deepCopy();
    if (!withoutMetadataAndStatus(stored).equals(withoutMetadataAndStatus(object))) {
      var generation = stored.path("metadata").path("generation").asLong(0);
      Json.metadata(object).put("generation", generation + 1);
    }
    return answer(200, object);
  }

  /** A delete that would happen: the object as it is. */
  static MockResponse deleted(JsonNode stored) {
    return answer(200, stored);
  }

  private static JsonNode withoutMetadataAndStatus(JsonNode object) {
    var copy = (ObjectNode) object.deepCopy();
    copy.remove("metadata");
    copy.remove("status");
    return copy;
  }

  private static MockResponse answer(int code, JsonNode object) {
    return new MockResponse()
        .setResponseCode(code)
        .setHeader("Content-Type", "application/json")
        .setBody(object.toString());
  }
}
