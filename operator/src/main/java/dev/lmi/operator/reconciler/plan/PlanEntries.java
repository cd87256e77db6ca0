package dev.lmi.operator.reconciler.plan;

import dev.lmi.operator.api.FieldChange;
import dev.lmi.operator.api.ObjectPlan;
import dev.lmi.operator.api.PlanStep;
import dev.lmi.operator.status.Outcome;
import java.util.ArrayList;
import java.util.List;

/** A decision as the plan command prints it and a dry run records it in status.plan. */
public final class PlanEntries {
  private PlanEntries() {}

  public static ObjectPlan of(
      String kind, String namespace, String name, String awsName, Decision<?, ?, ?> decision) {
    var entry = named(kind, namespace, name, awsName);
    var steps = new ArrayList<PlanStep>();
    for (var a : decision.actions()) {
      steps.add(step(a));
    }
    entry.setActions(steps);
    var end = decision.outcome() != null ? decision.outcome() : last(decision);
    if (end != null) {
      entry.setReason(end.reason().name());
      entry.setMessage(end.message());
    }
    entry.setChange(change(decision, end));
    return entry;
  }

  /** An object the plan stopped at before asking AWS anything (an invalid spec, a gate). */
  public static ObjectPlan refused(
      String kind, String namespace, String name, String awsName, Outcome outcome) {
    var entry = named(kind, namespace, name, awsName);
    entry.setActions(List.of());
    entry.setReason(outcome.reason().name());
    entry.setMessage(outcome.message());
    entry.setChange(outcome.reason().terminal() ? ObjectPlan.REFUSED : ObjectPlan.NONE);
    return entry;
  }

  private static ObjectPlan named(String kind, String namespace, String name, String awsName) {
    var entry = new ObjectPlan();
    entry.setKind(kind);
    entry.setNamespace(namespace);
    entry.setName(name);
    entry.setAwsName(awsName);
    return entry;
  }

  private static String change(Decision<?, ?, ?> decision, Outcome end) {
    if (end != null && end.reason().terminal()) {
      return ObjectPlan.REFUSED;
    }
    var writes = decision.actions().stream().filter(a -> !a.writes().isEmpty()).toList();
    if (writes.isEmpty()) {
      return ObjectPlan.NONE;
    }
    var first = writes.get(0);
    return first instanceof FunctionAction.Create
            || first instanceof ProviderAction.Create
            || first instanceof ProviderAction.CreateEndpoints
        ? ObjectPlan.CREATE
        : ObjectPlan.UPDATE;
  }

  private static Outcome last(Decision<?, ?, ?> decision) {
    Outcome out = null;
    for (var a : decision.actions()) {
      if (a instanceof Waiting w) {
        out = w.outcome();
      }
    }
    return out;
  }

  private static PlanStep step(PlannedAction a) {
    var step = new PlanStep();
    step.setType(a.type());
    step.setDescription(a.text());
    step.setAwsCalls(a.writes());
    var changes =
        switch (a) {
          case FunctionAction.UpdateSettings u -> u.changes();
          case ProviderAction.Update u -> u.changes();
          default -> List.<Change>of();
        };
    step.setChanges(changes.stream().map(PlanEntries::field).toList());
    return step;
  }

  private static FieldChange field(Change c) {
    var out = new FieldChange();
    out.setField(c.field());
    out.setFrom(c.from());
    out.setTo(c.to());
    return out;
  }
}
