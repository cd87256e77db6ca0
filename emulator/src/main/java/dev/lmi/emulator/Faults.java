package dev.lmi.emulator;

import java.time.Duration;

/** Injected misbehaviour for an operation: error rates in [0,1], added latency, and a seed. */
public record Faults(
    double serverErrorRate,
    double throttleRate,
    Duration addedLatency,
    Duration latencyJitter,
    long seed) {

  public Faults {
    addedLatency = addedLatency == null ? Duration.ZERO : addedLatency;
    latencyJitter = latencyJitter == null ? Duration.ZERO : latencyJitter;
  }

  public static Faults none() {
    return new Faults(0, 0, Duration.ZERO, Duration.ZERO, 0);
  }

  public static Faults serverErrors(double rate, long seed) {
    return new Faults(rate, 0, Duration.ZERO, Duration.ZERO, seed);
  }

  public static Faults throttles(double rate, long seed) {
    return new Faults(0, rate, Duration.ZERO, Duration.ZERO, seed);
  }

  public static Faults latency(Duration added, Duration jitter, long seed) {
    return new Faults(0, 0, added, jitter, seed);
  }
}
