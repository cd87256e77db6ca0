package dev.lmi.operator.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Walks an object along its schema and runs the rules found at every node present, with {@code
 * self} bound to that node; transition rules run only where the old object has the node too.
 */
final class CelChecks {
  private final List<Violation> violations = new ArrayList<>();
  private final List<Violation> errors = new ArrayList<>();
  private final List<AdmissionError> admissionErrors = new ArrayList<>();

  private CelChecks() {}

  /**
   * Rule failures, then rules that could not be evaluated (reported as such), and both as the API
   * server reports them.
   */
  record Result(
      List<Violation> violations, List<Violation> errors, List<AdmissionError> admissionErrors) {}

  static Result check(JsonNode schema, JsonNode object, JsonNode oldObject) {
    var checks = new CelChecks();
    checks.walk(schema, object, oldObject, "");
    return new Result(
        List.copyOf(checks.violations),
        List.copyOf(checks.errors),
        List.copyOf(checks.admissionErrors));
  }

  private void walk(JsonNode schema, JsonNode data, JsonNode old, String path) {
    if (data == null || data.isNull() || schema.isMissingNode()) {
      return;
    }
    runRules(schema, data, old, path);
    if (data.isObject()) {
      var properties = schema.path("properties");
      data.properties()
          .forEach(
              e -> {
                var field = e.getKey();
                var oldChild = old == null ? null : old.get(field);
                var childPath =
                    properties.has(field)
                        ? FieldPaths.child(path, field)
                        : FieldPaths.key(path, field);
                walk(CelValues.childSchema(schema, field), e.getValue(), oldChild, childPath);
              });
    } else if (data.isArray()) {
      // Atomic lists have no identity across updates, so items get no oldSelf (as in Kubernetes).
      for (var i = 0; i < data.size(); i++) {
        walk(schema.path("items"), data.get(i), null, FieldPaths.index(path, i));
      }
    }
  }

  private void runRules(JsonNode schema, JsonNode data, JsonNode old, String path) {
    var rules = schema.path("x-kubernetes-validations");
    if (rules.isEmpty()) {
      return;
    }
    var self = CelValues.of(schema, data);
    var oldSelf = old == null || old.isNull() ? null : CelValues.of(schema, old);
    for (var rule : rules) {
      var transition = CelRules.isTransition(rule);
      if (transition && oldSelf == null) {
        continue;
      }
      var outcome = CelRules.evaluate(rule, self, transition ? oldSelf : null);
      var at =
          rule.has("fieldPath") ? FieldPaths.relative(path, rule.get("fieldPath").asText()) : path;
      if (outcome.error() != null) {
        errors.add(new Violation(at, "rule could not be evaluated: " + outcome.error()));
        admissionErrors.add(RuleErrors.unevaluated(rule, at, schema, outcome.error()));
      } else if (!outcome.passed()) {
        violations.add(new Violation(at, outcome.message()));
        admissionErrors.add(RuleErrors.failed(rule, at, schema, data, outcome.message()));
      }
    }
  }
}
