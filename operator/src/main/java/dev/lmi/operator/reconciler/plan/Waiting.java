package dev.lmi.operator.reconciler.plan;

import dev.lmi.operator.status.Outcome;
import java.util.List;

/** A wait for AWS: where the operator stops and looks again after the outcome's requeue. */
public interface Waiting extends PlannedAction {
  Outcome outcome();

  @Override
  default boolean waits() {
    return true;
  }

  @Override
  default List<String> writes() {
    return List.of();
  }

  @Override
  default String type() {
    return "Wait";
  }

  @Override
  default String text() {
    return "wait: " + outcome().message();
  }
}
