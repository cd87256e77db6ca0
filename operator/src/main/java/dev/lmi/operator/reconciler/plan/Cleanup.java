package dev.lmi.operator.reconciler.plan;

import dev.lmi.operator.status.Outcome;
import java.util.List;

/**
 * What deleting an object does in AWS: steps to carry out, then either done or a wait (the outcome
 * to report meanwhile); or the read the decision needs first.
 *
 * @param retained why the AWS resource is left alone (its owner tag names another object), or null
 */
public record Cleanup<A extends PlannedAction, R>(
    List<A> actions, Outcome waiting, String retained, R needs) {

  static <A extends PlannedAction, R> Cleanup<A, R> done(List<A> actions) {
    return new Cleanup<>(List.copyOf(actions), null, null, null);
  }

  static <A extends PlannedAction, R> Cleanup<A, R> waiting(List<A> actions, Outcome outcome) {
    return new Cleanup<>(List.copyOf(actions), outcome, null, null);
  }

  static <A extends PlannedAction, R> Cleanup<A, R> leave(String why) {
    return new Cleanup<>(List.of(), null, why, null);
  }

  static <A extends PlannedAction, R> Cleanup<A, R> needs(R read) {
    return new Cleanup<>(List.of(), null, null, read);
  }
}
