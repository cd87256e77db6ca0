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

  /**
   * Makes {@code fraction} (0–1) of the invocations of one version of a function fail as function
   * errors (X-Amz-Function-Error: Unhandled, counted in the AWS/Lambda Errors metric) without
   * running its handler; the same seed fails the same invocations. A fraction of 0 stops it.
   */
  default void failInvocations(String functionName, String version, double fraction, long seed) {
    throw new UnsupportedOperationException("failInvocations");
  }

  /** Stops every failure {@link #failInvocations} injected. */
  default void clearInvocationFailures() {
    throw new UnsupportedOperationException("clearInvocationFailures");
  }

  /** The vCPUs a capacity provider's versions hold against its MaxVCpuCount. */
  default ProviderCapacity capacity(String capacityProviderName) {
    throw new UnsupportedOperationException("capacity");
  }
}
