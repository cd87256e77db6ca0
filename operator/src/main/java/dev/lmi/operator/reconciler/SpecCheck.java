package dev.lmi.operator.reconciler;

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
  private final ObjectValidator validator;

  SpecCheck(ObjectValidator validator) {
    this.validator = validator;
  }

  /** Null when the object is valid; otherwise a terminal InvalidSpec outcome naming each field. */
  Outcome check(HasMetadata resource) {
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
