package dev.lmi.operator.validation;

import dev.lmi.operator.api.CapacityProvider;
import dev.lmi.operator.api.LmiFunction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/** Runs {@link CrossObjectChecks} over the objects of one validate run. */
final class CrossObjectProblems {
  private CrossObjectProblems() {}

  static List<Problem> find(List<CheckedObject> objects) {
    var providers = new LinkedHashMap<String, CapacityProvider>();
    for (var object : objects) {
      if (object.typed() instanceof CapacityProvider cp
          && cp.getSpec() != null
          && cp.getMetadata() != null) {
        providers.putIfAbsent(cp.getMetadata().getName(), cp);
      }
    }
    var problems = new ArrayList<Problem>();
    for (var object : objects) {
      if (object.typed() instanceof LmiFunction fn
          && fn.getMetadata() != null
          && fn.getSpec() != null
          && fn.getSpec().getCapacityProviderRef() != null) {
        var name = fn.getSpec().getCapacityProviderRef().getName();
        var provider = Optional.ofNullable(providers.get(name));
        var violations =
            provider.isPresent()
                ? CrossObjectChecks.check(fn, provider)
                : List.of(notAmongTheFiles(name));
        violations.forEach(v -> problems.add(object.problem(v)));
      }
    }
    return problems;
  }

  private static Violation notAmongTheFiles(String name) {
    return new Violation(
        "spec.capacityProviderRef.name",
        "CapacityProvider \""
            + name
            + "\" is not among the validated files: validate them together with the file that"
            + " defines it");
  }
}
