package dev.lmi.operator.reconciler.plan;

import dev.lmi.operator.status.Outcome;
import java.util.ArrayList;
import java.util.List;

/**
 * What a plan decided: every step from AWS's current state to the spec, in order, and the outcome
 * once they are all done; or, when it cannot decide yet, the one read it needs first. {@code
 * record} is what the status records after the steps before the first wait, as far as the plan
 * knows it (values AWS assigns, such as a new version's number, are added when the steps are
 * carried out).
 */
public record Decision<A extends PlannedAction, R, S>(
    List<A> actions, Outcome outcome, R needs, S record) {

  public static <A extends PlannedAction, R, S> Decision<A, R, S> needs(R read) {
    return new Decision<>(List.of(), null, read, null);
  }

  /** Whether the plan asks for a read before it can decide. */
  public boolean incomplete() {
    return needs != null;
  }

  /** The steps the operator carries out now: those before the first wait. */
  public List<A> now() {
    var out = new ArrayList<A>();
    for (var a : actions) {
      if (a.waits()) {
        break;
      }
      out.add(a);
    }
    return out;
  }

  /** Where the operator stands once it carried out {@link #now()}: the first wait, or the end. */
  public Outcome stop() {
    for (var a : actions) {
      if (a instanceof Waiting w) {
        return w.outcome();
      }
    }
    return outcome;
  }

  /** Whether any step writes to AWS. */
  public boolean writes() {
    return actions.stream().anyMatch(a -> !a.writes().isEmpty());
  }
}
