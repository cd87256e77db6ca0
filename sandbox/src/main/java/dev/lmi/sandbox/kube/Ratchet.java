package dev.lmi.sandbox.kube;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/**
 * Validation ratcheting (Kubernetes 1.30 and later): an update is refused only for errors in what
 * it changes, so an object stored under older or laxer rules can still get a finalizer removed or a
 * status written. The part compared is the top-level field of the error ({@code spec}, {@code
 * status}; {@code metadata.name} for metadata), which never lets through an error the update made.
 */
final class Ratchet {
  /** The field of the error the API server adds when schema errors kept it from the rules. */
  static final String RULES_NOT_CHECKED = "<nil>";

  private Ratchet() {}

  static List<Admission.Cause> changedOnly(
      List<Admission.Cause> causes, JsonNode stored, JsonNode updated) {
    var kept =
        causes.stream()
            .filter(c -> c.field().equals(RULES_NOT_CHECKED) || changed(c.field(), stored, updated))
            .toList();
    return kept.stream().allMatch(c -> c.field().equals(RULES_NOT_CHECKED)) ? List.of() : kept;
  }

  private static boolean changed(String field, JsonNode stored, JsonNode updated) {
    var steps = field.split("[.\\[]", 3);
    var before = stored.path(steps[0]);
    var after = updated.path(steps[0]);
    if ("metadata".equals(steps[0]) && steps.length > 1) {
      before = before.path(steps[1]);
      after = after.path(steps[1]);
    }
    return !Objects.equals(before, after);
  }
}
