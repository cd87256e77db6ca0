package dev.lmi.operator.validation;

import dev.lmi.operator.api.CapacityProvider;
import dev.lmi.operator.api.Defaults;
import dev.lmi.operator.api.LmiFunction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/**
 * Runs {@link CrossObjectChecks} over the objects of one validate run, checks that the functions on
 * each provider keep no more versions than Lambda lets a capacity provider hold, and runs the
 * capacity budget ({@link CapacityChecks}).
 */
final class CrossObjectProblems {
  /** Function versions one capacity provider holds at most (an AWS quota that cannot be raised). */
  static final int VERSIONS_PER_PROVIDER = 100;

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
    problems.addAll(versionBudget(objects, providers.keySet()));
    problems.addAll(CapacityChecks.find(objects, providers));
    return problems;
  }

  // keepVersions is a floor of what each function holds on its provider: AWS refuses the publish
  // that goes past the provider's 100, so a set that keeps more can never settle.
  private static List<Problem> versionBudget(
      List<CheckedObject> objects, java.util.Set<String> providers) {
    var byProvider = new LinkedHashMap<String, List<CheckedObject>>();
    for (var object : objects) {
      if (object.typed() instanceof LmiFunction fn
          && fn.getSpec() != null
          && fn.getSpec().getCapacityProviderRef() != null
          && providers.contains(fn.getSpec().getCapacityProviderRef().getName())) {
        byProvider
            .computeIfAbsent(
                fn.getSpec().getCapacityProviderRef().getName(), k -> new ArrayList<>())
            .add(object);
      }
    }
    var problems = new ArrayList<Problem>();
    byProvider.forEach(
        (provider, functions) -> {
          var kept = functions.stream().mapToInt(CrossObjectProblems::keepVersions).sum();
          if (kept > VERSIONS_PER_PROVIDER) {
            var message =
                ("the %d LmiFunctions keep %d versions in all on CapacityProvider %s (keepVersions);"
                        + " a capacity provider holds at most %d: lower keepVersions or spread the"
                        + " functions over more providers")
                    .formatted(functions.size(), kept, provider, VERSIONS_PER_PROVIDER);
            functions.forEach(
                f -> problems.add(f.problem(new Violation("spec.keepVersions", message))));
          }
        });
    return problems;
  }

  private static int keepVersions(CheckedObject object) {
    var keep = ((LmiFunction) object.typed()).getSpec().getKeepVersions();
    return keep != null ? keep : Integer.parseInt(Defaults.KEEP_VERSIONS);
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
