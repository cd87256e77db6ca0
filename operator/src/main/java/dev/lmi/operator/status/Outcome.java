package dev.lmi.operator.status;

import java.time.Duration;

/** Where one reconcile left a resource: its Ready reason, a message, and when to look again. */
public record Outcome(Reason reason, String message, Duration requeue) {

  public static Outcome ready(String message, Duration resync) {
    return new Outcome(Reason.Ready, message, resync);
  }

  public static Outcome waiting(Reason reason, String message, Duration requeue) {
    return new Outcome(reason, message, requeue);
  }

  /** Terminal: no reschedule; a spec change (or the periodic resync) looks again. */
  public static Outcome terminal(Reason reason, String message) {
    return new Outcome(reason, message, null);
  }

  /** Ready=True: the reason is Ready, or another that means "where the spec wants it". */
  public boolean isReady() {
    return reason.ready();
  }
}
