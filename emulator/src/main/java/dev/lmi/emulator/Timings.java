package dev.lmi.emulator;

import java.time.Duration;

/**
 * How long the emulator's asynchronous transitions take, and whether provider writes are throttled.
 */
public record Timings(
    Duration capacityProviderTransition,
    Duration functionUpdate,
    Duration versionPublish,
    Duration scalingSettle,
    Duration functionDelete,
    boolean providerWriteRateLimit) {

  /** Short delays that still let a client observe every intermediate state; 1 rps limit on. */
  public static Timings fast() {
    return new Timings(
        Duration.ofMillis(150),
        Duration.ofMillis(100),
        Duration.ofMillis(200),
        Duration.ofMillis(100),
        Duration.ofMillis(100),
        true);
  }

  /** No delays: a transition completes on the next read; no rate limit. */
  public static Timings instant() {
    return new Timings(
        Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, false);
  }

  /** Closer to AWS (seconds, not minutes) for demos of the local mode. */
  public static Timings realistic() {
    return new Timings(
        Duration.ofSeconds(5),
        Duration.ofSeconds(2),
        Duration.ofSeconds(10),
        Duration.ofSeconds(3),
        Duration.ofSeconds(3),
        true);
  }

  /** Every delay set to the same value (rate limit unchanged). */
  public Timings withAllDelays(Duration d) {
    return new Timings(d, d, d, d, d, providerWriteRateLimit);
  }

  public Timings withProviderWriteRateLimit(boolean on) {
    return new Timings(
        capacityProviderTransition,
        functionUpdate,
        versionPublish,
        scalingSettle,
        functionDelete,
        on);
  }
}
