package dev.lmi.devkit.bench;

import dev.lmi.emulator.Timings;
import java.time.Duration;

/**
 * The fastest any operator could converge on the emulator: capacity-provider writes are held to one
 * per second; a function needs at least five calls (create with publish, observe the version,
 * alias, scaling, observe the scaling), four of them in sequence (the alias can go beside the
 * scaling), around the version's start (which overlaps $LATEST's creation) and the scaling's
 * settling; and calls share the reconcile threads and the client-side rate limit.
 */
record LowerBound(
    Duration providerChain, Duration functionChain, Duration threadBound, Duration rateBound) {
  static final int MIN_PROVIDER_CALLS = 2;
  static final int MIN_FUNCTION_CALLS = 5;
  static final int MIN_FUNCTION_CHAIN_CALLS = 4;

  static LowerBound of(
      int providers,
      int functions,
      Duration latency,
      Timings t,
      int threads,
      double callsPerSecond) {
    var l = latency.toNanos();
    var providerChain =
        Duration.ofSeconds(Math.max(0, providers - 1))
            .plusNanos(MIN_PROVIDER_CALLS * l)
            .plus(t.capacityProviderTransition());
    var start =
        t.functionUpdate().compareTo(t.versionPublish()) > 0
            ? t.functionUpdate()
            : t.versionPublish();
    var functionChain =
        Duration.ofNanos(MIN_FUNCTION_CHAIN_CALLS * l).plus(start).plus(t.scalingSettle());
    var calls = (long) functions * MIN_FUNCTION_CALLS + (long) providers * MIN_PROVIDER_CALLS;
    var threadBound = Duration.ofNanos(calls * l / Math.max(1, threads));
    var rateBound = Duration.ofMillis((long) (calls / callsPerSecond * 1000));
    return new LowerBound(providerChain, functionChain, threadBound, rateBound);
  }

  /** The last provider's chain, then one function's on it. */
  Duration criticalPath() {
    return providerChain.plus(functionChain);
  }

  Duration value() {
    var max = criticalPath();
    if (threadBound.compareTo(max) > 0) {
      max = threadBound;
    }
    return rateBound.compareTo(max) > 0 ? rateBound : max;
  }
}
