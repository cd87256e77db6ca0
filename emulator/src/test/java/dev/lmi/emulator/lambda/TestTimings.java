package dev.lmi.emulator.lambda;

import dev.lmi.emulator.Timings;
import java.time.Duration;

/** Delays long enough that a test can see an intermediate state even on a loaded machine. */
final class TestTimings {
  private TestTimings() {}

  static Timings observable() {
    return Timings.fast().withAllDelays(Duration.ofMillis(400)).withProviderWriteRateLimit(false);
  }
}
