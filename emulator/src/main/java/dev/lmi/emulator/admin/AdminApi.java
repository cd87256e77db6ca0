package dev.lmi.emulator.admin;

import dev.lmi.emulator.EmulatorAdmin;
import dev.lmi.emulator.Faults;
import dev.lmi.emulator.ProviderCapacity;
import dev.lmi.emulator.lambda.LambdaState;
import java.util.Map;

/**
 * The in-process {@link EmulatorAdmin}: counters, faults, publish and invocation failures,
 * capacity.
 */
public final class AdminApi implements EmulatorAdmin {
  private final Counters counters;
  private final FaultInjector faults;
  private final LambdaState lambda;

  public AdminApi(Counters counters, FaultInjector faults, LambdaState lambda) {
    this.counters = counters;
    this.faults = faults;
    this.lambda = lambda;
  }

  @Override
  public Map<String, Map<String, Long>> counters() {
    return counters.snapshot();
  }

  @Override
  public long writeCalls() {
    return counters.writes();
  }

  @Override
  public long readCalls() {
    return counters.reads();
  }

  @Override
  public long invokeCalls() {
    return counters.invokes();
  }

  @Override
  public void resetCounters() {
    counters.reset();
  }

  @Override
  public void setFaults(String operation, Faults f) {
    faults.set(operation, f);
  }

  @Override
  public void clearFaults() {
    faults.clear();
  }

  @Override
  public void failNextPublish(String functionName, String stateReasonCode, String stateReason) {
    lambda.failNextPublish(functionName, stateReasonCode, stateReason);
  }

  @Override
  public void failNextCapacityProvider(String capacityProviderName) {
    lambda.failNextProvider(capacityProviderName);
  }

  @Override
  public void failInvocations(String functionName, String version, double fraction, long seed) {
    lambda.failInvocations(functionName, version, fraction, seed);
  }

  @Override
  public void clearInvocationFailures() {
    lambda.clearInvocationFailures();
  }

  @Override
  public ProviderCapacity capacity(String capacityProviderName) {
    return lambda
        .capacity(capacityProviderName)
        .orElseThrow(
            () -> new IllegalArgumentException("No capacity provider " + capacityProviderName));
  }
}
