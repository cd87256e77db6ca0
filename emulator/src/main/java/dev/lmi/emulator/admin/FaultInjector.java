package dev.lmi.emulator.admin;

import dev.lmi.emulator.Faults;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/** Decides, deterministically per seed, whether a call gets extra latency, a 5xx or a throttle. */
public final class FaultInjector {
  /** What to do to one call. */
  public enum Verdict {
    PASS,
    SERVER_ERROR,
    THROTTLE
  }

  private record Armed(Faults faults, Random random) {}

  private final Map<String, Armed> byOperation = new ConcurrentHashMap<>();

  public void set(String operation, Faults faults) {
    byOperation.put(operation, new Armed(faults, new Random(faults.seed())));
  }

  public void clear() {
    byOperation.clear();
  }

  /** Sleeps the injected latency, then rolls the dice for an error. */
  public Verdict apply(String operation) {
    var armed = byOperation.getOrDefault(operation, byOperation.get("*"));
    if (armed == null) {
      return Verdict.PASS;
    }
    double roll;
    long sleepMs;
    synchronized (armed) {
      var f = armed.faults();
      var jitter = f.latencyJitter().toMillis();
      sleepMs =
          f.addedLatency().toMillis() + (jitter > 0 ? armed.random().nextLong(jitter + 1) : 0);
      roll = armed.random().nextDouble();
    }
    sleep(sleepMs);
    var f = armed.faults();
    if (roll < f.serverErrorRate()) {
      return Verdict.SERVER_ERROR;
    }
    return roll < f.serverErrorRate() + f.throttleRate() ? Verdict.THROTTLE : Verdict.PASS;
  }

  private static void sleep(long ms) {
    if (ms <= 0) {
      return;
    }
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
