package dev.lmi.sandbox.kube;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.mockwebserver.http.MockResponse;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Server-side field validation ({@code fieldValidation=Strict|Warn|Ignore}, Warn when absent, as on
 * Kubernetes 1.27 and later): fields the schema does not declare are refused, reported in {@code
 * Warning} headers, or dropped in silence. kubectl sends Strict by default, Ignore with {@code
 * --validate=false} and Warn with {@code --validate=warn}.
 */
final class FieldValidation {
  private FieldValidation() {}

  /** The warnings to send, or the refusal when the request asked for strict validation. */
  static List<String> check(Query query, Admission.Verdict verdict, Supplier<MockResponse> strict)
      throws Refusal {
    var directive = query.get("fieldValidation");
    if (verdict.unknownFields().isEmpty() || "Ignore".equals(directive)) {
      return List.of();
    }
    if ("Strict".equals(directive)) {
      throw new Refusal(strict.get());
    }
    return verdict.unknownFields().stream().map(FieldValidation::unknown).toList();
  }

  /** Adds the warnings as {@code Warning: 299 - "text"} headers, as the API server writes them. */
  static MockResponse warn(MockResponse response, List<String> warnings) {
    warnings.forEach(w -> response.addHeader("Warning", "299 - " + GoQuote.quote(w)));
    return response;
  }

  /** A create or replace with unknown fields: the body cannot be decoded strictly (400). */
  static MockResponse undecodable(CustomResourcePath at, JsonNode body, Admission.Verdict verdict) {
    var apiVersion = body.path("apiVersion").asText("");
    var version = apiVersion.substring(apiVersion.indexOf('/') + 1);
    var kind = body.path("kind").asText(at.kind());
    return ApiStatus.badRequest(
        "%s in version %s cannot be handled as a %s: %s"
            .formatted(kind, GoQuote.quote(version), at.kind(), strictError(verdict)));
  }

  /** A patch whose result has unknown fields: the patch is invalid (422, field "patch"). */
  static MockResponse unknownInPatch(JsonNode patched, Admission.Verdict verdict) {
    var message =
        "Invalid value: " + GoQuote.quote(Json.sorted(patched)) + ": " + strictError(verdict);
    return ApiStatus.invalid(
        "", "", "", List.of(new Admission.Cause("FieldValueInvalid", "patch", message)));
  }

  private static String strictError(Admission.Verdict verdict) {
    return "strict decoding error: "
        + verdict.unknownFields().stream()
            .map(FieldValidation::unknown)
            .collect(Collectors.joining(", "));
  }

  private static String unknown(String path) {
    return "unknown field " + GoQuote.quote(path);
  }
}
