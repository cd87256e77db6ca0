package dev.lmi.operator.aws;

import java.time.Duration;

/**
 * A blocking token bucket: the operator's own ceiling on AWS calls per second, shared by all
 * reconcile threads. (Capacity-provider writes, which AWS counts at one per second, are spaced by
 * {@link SpacedCalls} instead.)
 */
public final class TokenBucket {
  private final double ratePerSecond;
  private final double capacity;
  private double tokens;
  private long lastRefillNanos;

  public TokenBucket(double ratePerSecond, double capacity) {
    this.ratePerSecond = ratePerSecond;
    this.capacity = capacity;
    this.tokens = capacity;
    this.lastRefillNanos = System.nanoTime();
  }

  /** Takes one token, waiting as long as needed. */
  public void acquire() {
    long waitNanos;
    while ((waitNanos = tryAcquire()) > 0) {
      sleep(Duration.ofNanos(waitNanos));
    }
  }

  private synchronized long tryAcquire() {
    var now = System.nanoTime();
    tokens = Math.min(capacity, tokens + (now - lastRefillNanos) / 1e9 * ratePerSecond);
    lastRefillNanos = now;
    if (tokens >= 1) {
      tokens -= 1;
      return 0;
    }
    return (long) ((1 - tokens) / ratePerSecond * 1e9);
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d);
    } catch (InterruptedException e) {
      throw AwsRetryableException.interrupted("rate limited", e);
    }
  }
}
