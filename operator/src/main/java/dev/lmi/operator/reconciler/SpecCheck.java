package dev.lmi.operator.reconciler;

import dev.lmi.operator.api.ReadIssues;
import dev.lmi.operator.status.Outcome;
import dev.lmi.operator.status.Reason;
import dev.lmi.operator.validation.ObjectValidator;
import dev.lmi.operator.validation.Violation;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.stream.Collectors;

/**
 * Runs the CRD's own rules (schema and CEL) on an object before any AWS call. A real API server
 * already did at admission; this catches objects that bypassed it (an API server without CEL, a
 * test server) so they get a precise condition instead of an AWS error.
 */
final class SpecCheck {
  private static final int REMEMBERED = 20_000;
  private final ObjectValidator validator;
  // A spec only changes with metadata.generation: validate each generation of an object once.
  private final java.util.Map<String, Outcome> checked =
      java.util.Collections.synchronizedMap(
          new java.util.LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(java.util.Map.Entry<String, Outcome> eldest) {
              return size() > REMEMBERED;
            }
          });

  SpecCheck(ObjectValidator validator) {
    this.validator = validator;
  }

  /** Null when the object is valid; otherwise a terminal InvalidSpec outcome naming each field. */
  Outcome check(HasMetadata resource) {
    if (resource instanceof io.fabric8.kubernetes.client.CustomResource<?, ?> cr
        && cr.getSpec() == null
        && !ReadIssues.of(resource).invalid()) {
      return Outcome.terminal(Reason.InvalidSpec, "spec: required");
    }
    var issues = ReadIssues.of(resource);
    if (issues.invalid()) {
      // Fields this version could not read at all: the typed spec lacks them, so it is not
      // validated (it would only report them missing); no AWS call either.
      return Outcome.terminal(Reason.InvalidSpec, String.join("; ", issues.invalidFields()));
    }
    var key = resource.getMetadata().getUid() + "@" + resource.getMetadata().getGeneration();
    if (resource.getMetadata().getUid() == null) {
      return validate(resource);
    }
    var known = checked.get(key);
    if (known != null || checked.containsKey(key)) {
      return known;
    }
    var outcome = validate(resource);
    checked.put(key, outcome);
    return outcome;
  }

  private Outcome validate(HasMetadata resource) {
    var violations = validator.validateResource(resource, null);
    if (violations.isEmpty()) {
      return null;
    }
    var message = violations.stream().map(SpecCheck::describe).collect(Collectors.joining("; "));
    return Outcome.terminal(Reason.InvalidSpec, message);
  }

  private static String describe(Violation v) {
    return v.path() + ": " + v.message();
  }
}
