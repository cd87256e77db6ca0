package dev.lmi.operator.rollout;

import java.time.Instant;
import java.util.List;

/**
 * The CloudWatch reads a decision needs: the alarms' states, and (when {@code version} is not null)
 * the invocations and errors of that version through the alias over [from, to).
 */
public record ReadRequest(List<String> alarms, String version, Instant from, Instant to) {
  public ReadRequest {
    alarms = List.copyOf(alarms);
  }

  /** Nothing to read. */
  public boolean empty() {
    return alarms.isEmpty() && !metrics();
  }

  public boolean metrics() {
    return version != null;
  }
}
