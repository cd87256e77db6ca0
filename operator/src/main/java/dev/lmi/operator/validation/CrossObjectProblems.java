package dev.lmi.operator.validation;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lmi.operator.api.CapacityProvider;
import dev.lmi.operator.api.LmiFunction;
import dev.lmi.operator.api.ReadIssues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/** Runs {@link CrossObjectChecks} over the objects of one validate run. */
final class CrossObjectProblems {
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private CrossObjectProblems() {}

  static List<Problem> find(List<ManifestValidator.Checked> objects) {
    var providers = new LinkedHashMap<String, CapacityProvider>();
    for (var object : objects) {
      typed(object, CapacityProvider.class)
          .filter(cp -> cp.getSpec() != null && cp.getMetadata() != null)
          .ifPresent(cp -> providers.putIfAbsent(cp.getMetadata().getName(), cp));
    }
    var problems = new ArrayList<Problem>();
    for (var object : objects) {
      typed(object, LmiFunction.class)
          .filter(fn -> fn.getMetadata() != null && fn.getSpec() != null)
          .filter(fn -> fn.getSpec().getCapacityProviderRef() != null)
          .ifPresent(
              fn -> {
                var name = fn.getSpec().getCapacityProviderRef().getName();
                var provider = Optional.ofNullable(providers.get(name));
                var violations =
                    provider.isPresent()
                        ? CrossObjectChecks.check(fn, provider)
                        : List.of(notAmongTheFiles(name));
                violations.forEach(v -> problems.add(ManifestValidator.problem(object, v)));
              });
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

  // Objects that do not fully bind to the model (e.g. a bad enum) already have schema problems;
  // the fields left out would only be judged by their defaults.
  private static <T> Optional<T> typed(ManifestValidator.Checked object, Class<T> type) {
    if (!object.kind().kind().equals(type.getSimpleName())) {
      return Optional.empty();
    }
    try {
      var value = JSON.treeToValue(object.object(), type);
      return Optional.ofNullable(value).filter(v -> !ReadIssues.of(v).invalid());
    } catch (JacksonException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
