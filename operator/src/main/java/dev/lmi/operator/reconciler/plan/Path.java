package dev.lmi.operator.reconciler.plan;

import dev.lmi.operator.status.Outcome;
import java.util.ArrayList;
import java.util.List;

/**
 * A plan being written, step by step, with the status record it leads to. After the first wait the
 * rest is a projection: what the operator will do once AWS is done, judged from what is known now.
 * So no read is asked for then, and the record it leads to is not the one written now.
 */
final class Path<A extends PlannedAction, S> {
  private final List<A> actions = new ArrayList<>();
  private S now;
  private S projected;
  private Outcome end;

  Path(S record) {
    this.now = record;
    this.projected = record;
  }

  /** Stops a plan that needs a read before it can go on. */
  static final class Unknown extends RuntimeException {
    private final transient Object read;
    private final transient Object detail;

    Unknown(Object read, Object detail) {
      super(null, null, false, false);
      this.read = read;
      this.detail = detail;
    }

    /** What exactly to read, where the kind of read alone does not say (a CloudWatch query). */
    Object detail() {
      return detail;
    }

    @SuppressWarnings("unchecked")
    <R> R read() {
      return (R) read;
    }
  }

  void add(A action) {
    actions.add(action);
  }

  /** True once a wait is planned: what follows is projected, not carried out now. */
  boolean projecting() {
    return actions.stream().anyMatch(PlannedAction::waits);
  }

  /** The record as far as the plan got, projection included. */
  S record() {
    return projected;
  }

  /** The record after the next step; written now unless it lies beyond a wait. */
  void record(S next) {
    projected = next;
    if (!projecting()) {
      now = next;
    }
  }

  /** The fact's value; a fact not read yet stops the plan until it is read. */
  <T> T need(Seen<T> fact, Object read) {
    return need(fact, read, null);
  }

  /** The fact's value; a fact not read yet stops the plan until {@code detail} is read. */
  <T> T need(Seen<T> fact, Object read, Object detail) {
    if (!fact.known()) {
      if (projecting()) {
        throw new IllegalStateException("a projection needs no read: " + read);
      }
      throw new Unknown(read, detail);
    }
    return fact.value();
  }

  /** Ends the plan with this outcome instead of the one its last step leads to. */
  void end(Outcome outcome) {
    end = outcome;
  }

  boolean ended() {
    return end != null;
  }

  <R> Decision<A, R, S> decision(Outcome otherwise) {
    return new Decision<>(List.copyOf(actions), end != null ? end : otherwise, null, now);
  }
}
