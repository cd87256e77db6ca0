package dev.lmi.operator.aws;

import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Runs calls one at a time, each starting at least an interval after the previous one ended.
 *
 * <p>AWS counts capacity-provider writes where they arrive: one per second per account. Spacing
 * calls from the start of the previous one, as a token bucket does, leaves their arrivals as close
 * as the network and two busy CPUs make them, and a call that was slow on its way in meets the next
 * one inside AWS's second and earns a 429 (whose SDK retries then crowd the calls behind it).
 * Everything AWS did for a call happened before its answer came back, so a call sent an interval
 * after that answer arrives more than an interval after it, however long either took in transit.
 */
public final class SpacedCalls {
  private final long intervalNanos;
  private final ReentrantLock lock = new ReentrantLock(true);
  private long nextStartNanos = System.nanoTime();

  public SpacedCalls(Duration interval) {
    this.intervalNanos = interval.toNanos();
  }

  /** Waits for the previous call and the interval after it, then runs this one. */
  public <T> T run(Supplier<T> call) {
    try {
      lock.lockInterruptibly();
    } catch (InterruptedException e) {
      throw AwsRetryableException.interrupted("spacing calls", e);
    }
    try {
      long wait;
      while ((wait = nextStartNanos - System.nanoTime()) > 0) {
        Thread.sleep(Duration.ofNanos(wait));
      }
      return call.get();
    } catch (InterruptedException e) {
      throw AwsRetryableException.interrupted("spacing calls", e);
    } finally {
      nextStartNanos = System.nanoTime() + intervalNanos;
      lock.unlock();
    }
  }
}
