package dev.lmi.emulator;

import java.util.Map;

/** Test and benchmark controls of a running emulator (also served under /_emulator/). */
public interface EmulatorAdmin {
  /**
   * Calls so far, keyed by operation name (e.g. "CreateCapacityProvider", "GetFunction",
   * "DescribeSubnets", "Invoke") → outcome ("ok" or the error code) → count.
   */
  Map<String, Map<String, Long>> counters();

  /**
   * Total calls of mutating operations (Create*, Update*, Delete*, Put*, Publish*, Tag*, Untag*).
   */
  long writeCalls();

  /** Total calls of reading operations (Get*, List*, Describe*). Invoke is neither. */
  long readCalls();

  /** Total Invoke calls (any outcome). */
  long invokeCalls();

  void resetCounters();

  /** Injects faults into one operation, or every operation with "*". */
  void setFaults(String operation, Faults faults);

  void clearFaults();

  /** Makes the next PublishVersion of this function fail with the given StateReasonCode. */
  void failNextPublish(String functionName, String stateReasonCode, String stateReason);

  /**
   * Makes the next Pending→Active transition of this capacity provider (after Create or Update) end
   * in Failed instead, once.
   */
  default void failNextCapacityProvider(String capacityProviderName) {
    throw new UnsupportedOperationException("failNextCapacityProvider");
  }
}
