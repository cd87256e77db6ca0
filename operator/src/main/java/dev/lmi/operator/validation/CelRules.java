package dev.lmi.operator.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Compiles and evaluates the CRDs' {@code x-kubernetes-validations} rules with CEL-Java. Programs
 * are immutable, so each expression is compiled once and shared across threads.
 */
final class CelRules {
  /** The outcome of one rule on one node: passed, failed with a message, or could not run. */
  record Outcome(boolean passed, String message, String error) {}

  private static final Pattern OLD_SELF = Pattern.compile("\\boldSelf\\b");

  private static final Cel CEL =
      CelFactory.standardCelBuilder()
          .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
          .addVar("self", SimpleType.DYN)
          .addVar("oldSelf", SimpleType.DYN)
          .addCompilerLibraries(CelExtensions.strings(), CelExtensions.lists())
          .addRuntimeLibraries(CelExtensions.strings(), CelExtensions.lists())
          .build();

  private static final Map<String, CelRuntime.Program> PROGRAMS = new ConcurrentHashMap<>();

  private CelRules() {}

  /** True for rules that compare with the stored object, which only exist on updates. */
  static boolean isTransition(JsonNode rule) {
    return OLD_SELF.matcher(rule.path("rule").asText()).find();
  }

  /** Evaluates one rule; {@code oldSelf} is null unless the rule is a transition rule. */
  static Outcome evaluate(JsonNode rule, Object self, Object oldSelf) {
    var vars = new HashMap<String, Object>();
    vars.put("self", self);
    if (oldSelf != null) {
      vars.put("oldSelf", oldSelf);
    }
    try {
      if (Boolean.TRUE.equals(program(rule.path("rule").asText()).eval(vars))) {
        return new Outcome(true, null, null);
      }
      return new Outcome(false, message(rule, vars), null);
    } catch (CelEvaluationException | RuntimeException e) {
      return new Outcome(false, null, e.getMessage());
    }
  }

  private static String message(JsonNode rule, Map<String, Object> vars) {
    var fallback = rule.has("message") ? rule.get("message").asText() : rule.path("rule").asText();
    if (!rule.has("messageExpression")) {
      return rule.has("message") ? fallback : "failed rule: " + fallback;
    }
    try {
      var text = program(rule.get("messageExpression").asText()).eval(vars);
      // The API server falls back to message when messageExpression yields nothing usable.
      return text instanceof String s && !s.isBlank() ? s : fallback;
    } catch (CelEvaluationException | RuntimeException e) {
      return fallback;
    }
  }

  /** Compiles an expression now (and caches it), failing loudly when CEL-Java cannot. */
  static void precompile(String expression) {
    program(expression);
  }

  private static CelRuntime.Program program(String expression) {
    return PROGRAMS.computeIfAbsent(expression, CelRules::compile);
  }

  private static CelRuntime.Program compile(String expression) {
    try {
      return CEL.createProgram(CEL.compile(expression).getAst());
    } catch (CelValidationException | CelEvaluationException e) {
      throw new IllegalStateException("CEL rule does not compile: " + expression, e);
    }
  }
}
