package dev.lmi.operator.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Guards the rules themselves: the offline validator must be able to run every one of them. */
class CrdRulesTest {
  private final CrdCatalog catalog = CrdCatalog.fromClasspath();

  @Test
  void everyRuleCompilesWithCelJava() {
    // Kubernetes-only CEL libraries (quantity, url, isIP, format) would fail here first.
    for (var rule : allRules()) {
      assertThatCode(() -> CelRules.precompile(rule.path("rule").asText()))
          .as(rule.toString())
          .doesNotThrowAnyException();
      if (rule.has("messageExpression")) {
        assertThatCode(() -> CelRules.precompile(rule.get("messageExpression").asText()))
            .as(rule.toString())
            .doesNotThrowAnyException();
      }
    }
  }

  @Test
  void everyRuleExplainsItselfToTheUser() {
    assertThat(allRules())
        .isNotEmpty()
        .allSatisfy(
            rule -> assertThat(rule.has("message") || rule.has("messageExpression")).isTrue());
  }

  @Test
  void bothKindsAreServed() {
    assertThat(catalog.kinds()).containsExactly("CapacityProvider", "LmiFunction");
    assertThat(catalog.find("lmi.dev/v1alpha1", "LmiFunction").orElseThrow().namespaced()).isTrue();
    assertThat(catalog.find("lmi.dev/v1alpha1", "CapacityProvider").orElseThrow().namespaced())
        .isFalse();
  }

  private List<JsonNode> allRules() {
    var rules = new ArrayList<JsonNode>();
    for (var kind : catalog.kinds()) {
      collect(catalog.find("lmi.dev/v1alpha1", kind).orElseThrow().schema(), rules);
    }
    return rules;
  }

  private static void collect(JsonNode schema, List<JsonNode> rules) {
    schema.path("x-kubernetes-validations").forEach(rules::add);
    schema.path("properties").forEach(child -> collect(child, rules));
    if (schema.path("items").isObject()) {
      collect(schema.get("items"), rules);
    }
    if (schema.path("additionalProperties").isObject()) {
      collect(schema.get("additionalProperties"), rules);
    }
  }
}
