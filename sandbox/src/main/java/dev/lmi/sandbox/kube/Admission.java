package dev.lmi.sandbox.kube;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Admission of custom resources, the part of a real API server that needs the CRD's rules: pruning
 * of undeclared fields, schema defaults and validation (OpenAPI schema and CEL). The sandbox does
 * the HTTP side (strict or warned unknown fields, dry runs, Status answers, ratcheting); whoever
 * owns the rules plugs them in here, so this module never depends on them.
 */
@FunctionalInterface
public interface Admission {
  /** Stores objects as they are sent: no pruning, no defaults, no validation (the bare mock). */
  Admission NONE = (object, oldObject) -> new Verdict(object, List.of(), List.of());

  /**
   * Admits one write.
   *
   * @param object the object as it would be stored; the hook may change it, not the caller's copy
   * @param oldObject the stored object on an update, null on a create
   */
  Verdict admit(JsonNode object, JsonNode oldObject);

  /**
   * What admission made of a write.
   *
   * @param object the object to store (pruned, defaulted)
   * @param unknownFields the paths pruned because the schema does not declare them ({@code
   *     spec.foo}), which strict field validation refuses
   * @param causes why the object is refused; empty when it is admitted
   */
  record Verdict(JsonNode object, List<String> unknownFields, List<Cause> causes) {
    public Verdict {
      unknownFields = List.copyOf(unknownFields);
      causes = List.copyOf(causes);
    }
  }

  /**
   * One cause of a refusal, as a Status carries it: {@code type} is the API server's cause type
   * ({@code FieldValueInvalid}, ...), {@code message} its text without the field ({@code Invalid
   * value: 3000: ...}).
   */
  record Cause(String type, String field, String message) {
    /** {@code field: message}, as the API server joins them in its Status message. */
    @Override
    public String toString() {
      return field + ": " + message;
    }
  }
}
