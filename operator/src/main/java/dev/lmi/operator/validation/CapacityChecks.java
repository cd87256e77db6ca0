package dev.lmi.operator.validation;

import dev.lmi.operator.api.CapacityProvider;
import dev.lmi.operator.api.LmiFunction;
import dev.lmi.operator.capacity.CapacityBudget;
import dev.lmi.operator.capacity.FunctionLoad;
import dev.lmi.operator.capacity.ProviderCapacity;
import dev.lmi.operator.capacity.SpecCapacity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The capacity budget across the files of one validate run, per capacity provider, with each
 * function at its largest minimum and maximum (base values or a schedule; none when suspended). A
 * problem when the minimums together pass the provider's maxVCpuCount (400 when unset): the
 * operator would never publish them all. Warnings when publishing a new version (three environments
 * next to the running one) would have to wait for room, and when a maximum cannot be reached next
 * to the others' minimums.
 */
final class CapacityChecks {
  private CapacityChecks() {}

  static List<Problem> find(List<CheckedObject> objects, Map<String, CapacityProvider> providers) {
    var byProvider = new LinkedHashMap<String, List<CheckedObject>>();
    for (var object : objects) {
      if (object.typed() instanceof LmiFunction fn
          && fn.getSpec() != null
          && fn.getSpec().getCapacityProviderRef() != null
          && providers.containsKey(fn.getSpec().getCapacityProviderRef().getName())) {
        byProvider
            .computeIfAbsent(
                fn.getSpec().getCapacityProviderRef().getName(), k -> new ArrayList<>())
            .add(object);
      }
    }
    var problems = new ArrayList<Problem>();
    byProvider.forEach((name, functions) -> problems.addAll(check(providers.get(name), functions)));
    return problems;
  }

  private static List<Problem> check(CapacityProvider provider, List<CheckedObject> functions) {
    var name = provider.getMetadata().getName();
    var scaling = provider.getSpec().getScaling();
    var loads = functions.stream().map(CapacityChecks::peak).toList();
    var budget = CapacityBudget.provider(scaling == null ? null : scaling.getMaxVCpuCount(), loads);
    var problems = new ArrayList<Problem>();
    for (var i = 0; i < functions.size(); i++) {
      problems.addAll(check(functions.get(i), loads.get(i), budget, name));
    }
    return problems;
  }

  // Over the ceiling at the minimum is the problem to fix first; the warnings assume it fits.
  private static List<Problem> check(
      CheckedObject object, FunctionLoad load, ProviderCapacity budget, String provider) {
    var capacity = CapacityBudget.function(load);
    if (budget.freeAtMin() < 0) {
      return capacity.vCpuAtMin() == 0
          ? List.of()
          : List.of(
              object.problem(
                  new Violation(MIN, overCeiling(budget, provider, capacity.vCpuAtMin()))));
    }
    var problems = new ArrayList<Problem>();
    var step = "publishing a new version of " + load.name();
    var envs = CapacityBudget.environmentsToPublish(load.versions().get(0).minEnvironments());
    var gate = CapacityBudget.wouldExceed(budget, provider, step, load.vCpuPerEnvironment(), envs);
    if (gate.exceeded()) {
      var message =
          "CapacityExceeded when it publishes: its current version still runs while the new one"
              + " starts, so "
              + gate.message();
      problems.add(object.warning(new Violation(MIN, message)));
    }
    CapacityBudget.maxBeyondCeiling(capacity, budget, provider)
        .ifPresent(w -> problems.add(object.warning(new Violation(MAX, "MaxBeyondCeiling: " + w))));
    return problems;
  }

  private static final String MIN = "spec.scaling.minExecutionEnvironments";
  private static final String MAX = "spec.scaling.maxExecutionEnvironments";

  private static FunctionLoad peak(CheckedObject object) {
    return SpecCapacity.peak(
        object.namespace() + "/" + object.name(), ((LmiFunction) object.typed()).getSpec());
  }

  private static String overCeiling(ProviderCapacity budget, String provider, long own) {
    return ("CapacityExceeded: at their largest minimum (the base values or a schedule) the %d"
            + " LmiFunctions on CapacityProvider %s hold %d vCPUs, more than its maxVCpuCount %d"
            + " (AWS's default is 400 when unset); this one holds %d: raise"
            + " spec.scaling.maxVCpuCount of CapacityProvider %s to at least %d, lower"
            + " minExecutionEnvironments, or move functions to another CapacityProvider")
        .formatted(
            budget.functions(),
            provider,
            budget.vCpuAtMin(),
            budget.maxVCpuCount(),
            own,
            provider,
            budget.vCpuAtMin());
  }
}
