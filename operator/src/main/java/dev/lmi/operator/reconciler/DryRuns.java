package dev.lmi.operator.reconciler;

import dev.lmi.operator.api.Api;
import dev.lmi.operator.api.ObjectPlan;
import dev.lmi.operator.reconciler.apply.Events;
import dev.lmi.operator.status.Outcome;
import dev.lmi.operator.status.Reason;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Duration;

/**
 * The lmi.dev/dry-run annotation: the object is planned (AWS read, nothing written) and the plan
 * recorded in status.plan, with an Event each time it changes. Removing the annotation applies it.
 */
final class DryRuns {
  private final Events events;

  DryRuns(Events events) {
    this.events = events;
  }

  static boolean requested(HasMetadata o) {
    var annotations = o.getMetadata().getAnnotations();
    return annotations != null && "true".equals(annotations.get(Api.DRY_RUN_ANNOTATION));
  }

  /** Records the plan; the outcome says the object is held back, and how to let it go. */
  Outcome record(HasMetadata o, ObjectPlan plan, ObjectPlan before, Duration resync) {
    var summary = summary(plan);
    if (!StatusCopies.same(plan, before)) {
      events.normal(o, "DryRun", summary);
    }
    return new Outcome(
        Reason.DryRun,
        summary + "; nothing is done in AWS while " + Api.DRY_RUN_ANNOTATION + " is \"true\"",
        resync);
  }

  private static String summary(ObjectPlan plan) {
    var writes =
        plan.getActions().stream()
            .mapToInt(a -> a.getAwsCalls() == null ? 0 : a.getAwsCalls().size())
            .sum();
    return switch (plan.getChange()) {
      case ObjectPlan.REFUSED ->
          "dry run: the operator would stop: " + plan.getReason() + ": " + plan.getMessage();
      case ObjectPlan.NONE -> "dry run: no change to make in AWS";
      default ->
          "dry run: would "
              + plan.getChange()
              + " ("
              + writes
              + " AWS write(s)): "
              + String.join(
                  "; ",
                  plan.getActions().stream()
                      .filter(a -> a.getAwsCalls() != null && !a.getAwsCalls().isEmpty())
                      .map(a -> a.getDescription())
                      .toList());
    };
  }
}
