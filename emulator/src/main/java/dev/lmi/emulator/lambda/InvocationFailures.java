package dev.lmi.emulator.lambda;

import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Admin-injected function errors: a share of the invocations of one version fails as if its handler
 * threw, decided by a seeded random sequence so a test sees the same outcomes every run.
 */
final class InvocationFailures {
  private record Armed(double fraction, Random random) {}

  private final Map<String, Armed> byVersion = new ConcurrentHashMap<>();

  /** Fails {@code fraction} (0–1) of the invocations of this version; 0 stops failing it. */
  void set(String function, String version, double fraction, long seed) {
    if (!(fraction >= 0 && fraction <= 1)) {
      throw new IllegalArgumentException("fraction must be between 0 and 1, was " + fraction);
    }
    if (fraction == 0) {
      byVersion.remove(key(function, version));
    } else {
      byVersion.put(key(function, version), new Armed(fraction, new Random(seed)));
    }
  }

  void clear() {
    byVersion.clear();
  }

  /** Rolls the dice for one invocation of this version. */
  boolean fails(String function, String version) {
    var armed = byVersion.get(key(function, version));
    if (armed == null) {
      return false;
    }
    synchronized (armed) {
      return armed.random().nextDouble() < armed.fraction();
    }
  }

  private static String key(String function, String version) {
    return function + "\u0000" + version;
  }
}
