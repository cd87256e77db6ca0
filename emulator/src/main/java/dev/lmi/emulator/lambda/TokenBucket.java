package dev.lmi.emulator.lambda;

/** A 1-token bucket refilled at a fixed rate: models the 1 rps capacity-provider write quota. */
final class TokenBucket {
  private final long refillMillis;
  private long nextTokenAt;

  TokenBucket(long refillMillis) {
    this.refillMillis = refillMillis;
  }

  /** Takes the token and returns 0, or returns how many ms until one is available. */
  synchronized long tryTake() {
    var now = System.currentTimeMillis();
    if (now >= nextTokenAt) {
      nextTokenAt = now + refillMillis;
      return 0;
    }
    return nextTokenAt - now;
  }
}
