package dev.lmi.sandbox.kube;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.MockResponse;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The {@code Status} answers of a real API server for the failures the local one reports, with the
 * same codes, reasons, details and messages, so kubectl prints what it prints against EKS.
 */
final class ApiStatus {
  private static final ObjectMapper M = new ObjectMapper();

  private ApiStatus() {}

  static MockResponse failure(int code, String reason, String message) {
    return response(body(code, reason, message));
  }

  static MockResponse badRequest(String message) {
    return failure(400, "BadRequest", message);
  }

  /** 422 with the causes; kubectl prints {@code The LmiFunction "x" is invalid: ...}. */
  static MockResponse invalid(
      String group, String kind, String name, List<Admission.Cause> causes) {
    var qualified = group.isEmpty() ? kind : kind + "." + group;
    var body =
        body(
            422,
            "Invalid",
            "%s %s is invalid: %s".formatted(qualified, GoQuote.quote(name), aggregate(causes)));
    var details = details(body, group, kind, name);
    var list = details.putArray("causes");
    for (var cause : causes) {
      list.addObject()
          .put("reason", cause.type())
          .put("message", cause.message())
          .put("field", cause.field());
    }
    return response(body);
  }

  /** {@code lmifunctions.lmi.dev "x" not found}: the resource, as real API servers name it. */
  static MockResponse notFound(String group, String plural, String name) {
    return named(404, "NotFound", "not found", group, plural, name);
  }

  static MockResponse alreadyExists(String group, String plural, String name) {
    return named(409, "AlreadyExists", "already exists", group, plural, name);
  }

  static MockResponse conflict(String group, String plural, String name) {
    var resource = group.isEmpty() ? plural : plural + "." + group;
    var message =
        "Operation cannot be fulfilled on %s %s: the object has been modified; please apply your"
            + " changes to the latest version and try again";
    var body = body(409, "Conflict", message.formatted(resource, GoQuote.quote(name)));
    details(body, group, plural, name);
    return response(body);
  }

  /** apimachinery's aggregate: one error as it is, several as {@code [a, b]}, duplicates once. */
  static String aggregate(List<?> errors) {
    var unique = new LinkedHashSet<String>();
    errors.forEach(e -> unique.add(e.toString()));
    return unique.size() == 1 ? unique.iterator().next() : "[" + String.join(", ", unique) + "]";
  }

  private static MockResponse named(
      int code, String reason, String what, String group, String plural, String name) {
    var resource = group.isEmpty() ? plural : plural + "." + group;
    var body = body(code, reason, "%s %s %s".formatted(resource, GoQuote.quote(name), what));
    details(body, group, plural, name);
    return response(body);
  }

  private static ObjectNode details(ObjectNode body, String group, String kind, String name) {
    var details = body.putObject("details");
    if (!name.isEmpty()) {
      details.put("name", name);
    }
    if (!group.isEmpty()) {
      details.put("group", group);
    }
    if (!kind.isEmpty()) {
      details.put("kind", kind);
    }
    return details;
  }

  private static ObjectNode body(int code, String reason, String message) {
    var body = M.createObjectNode().put("kind", "Status").put("apiVersion", "v1");
    body.putObject("metadata");
    return body.put("status", "Failure")
        .put("message", message)
        .put("reason", reason)
        .put("code", code);
  }

  private static MockResponse response(ObjectNode body) {
    return new MockResponse()
        .setResponseCode(body.get("code").asInt())
        .setHeader("Content-Type", "application/json")
        .setBody(body.toString());
  }
}
