package dev.lmi.operator.preview;

import dev.lmi.operator.api.CapacityProvider;
import dev.lmi.operator.api.LmiFunction;
import dev.lmi.operator.api.ObjectPlan;
import dev.lmi.operator.reconciler.plan.PlanEntries;
import dev.lmi.operator.status.Outcome;
import dev.lmi.operator.status.Reason;
import dev.lmi.operator.validation.InputLimits;
import dev.lmi.operator.validation.ManifestObject;
import dev.lmi.operator.validation.ManifestValidator;
import dev.lmi.operator.validation.ObjectValidator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The manifests as the plan command takes them, read as {@code validate} reads them (same files,
 * limits and rules): the objects to plan, an entry for each object that cannot be planned, and the
 * input problems that stopped whole files.
 */
record PlanInput(
    List<CapacityProvider> providers,
    List<LmiFunction> functions,
    List<ObjectPlan> invalid,
    List<String> problems) {

  static PlanInput read(List<Path> paths, boolean recursive, InputLimits limits) {
    var read = new ManifestValidator(new ObjectValidator(), false, recursive, limits).read(paths);
    var problems =
        read.unusable().stream()
            .map(p -> p.toLine())
            .collect(Collectors.toCollection(ArrayList::new));
    read.duplicates().forEach(p -> problems.add(p.toLine()));
    var invalid = new ArrayList<ObjectPlan>();
    var providers = new ArrayList<CapacityProvider>();
    var functions = new ArrayList<LmiFunction>();
    for (var o : read.objects()) {
      if (!o.problems().isEmpty() || o.typed() == null) {
        invalid.add(invalid(o));
      } else if (o.typed() instanceof CapacityProvider cp) {
        providers.add(cp);
      } else if (o.typed() instanceof LmiFunction fn) {
        functions.add(fn);
      }
    }
    if (read.objects().isEmpty() && problems.isEmpty()) {
      problems.add("nothing to plan: no lmi.dev object in " + paths);
    }
    return new PlanInput(providers, functions, invalid, problems);
  }

  private static ObjectPlan invalid(ManifestObject o) {
    var message =
        o.problems().isEmpty()
            ? "the object does not bind to this operator's model"
            : o.problems().stream()
                .map(p -> p.path() + ": " + p.message())
                .collect(Collectors.joining("; "));
    return PlanEntries.refused(
        o.kind(), o.namespace(), o.name(), null, Outcome.terminal(Reason.InvalidSpec, message));
  }
}
