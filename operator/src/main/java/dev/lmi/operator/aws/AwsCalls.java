package dev.lmi.operator.aws;

import dev.lmi.operator.metrics.OperatorMetrics;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The one door every AWS call goes through: rate limits, metrics by operation and outcome, and the
 * translation of SDK errors into retryable or terminal ones.
 */
public final class AwsCalls {
  private final OperatorMetrics metrics;
  private final TokenBucket allCalls;
  private final SpacedCalls providerWrites;

  public AwsCalls(OperatorMetrics metrics, double callsPerSecond, double providerWritesPerSecond) {
    this.metrics = metrics;
    this.allCalls = new TokenBucket(callsPerSecond, Math.max(1, callsPerSecond));
    this.providerWrites =
        new SpacedCalls(Duration.ofNanos((long) (1_000_000_000L / providerWritesPerSecond)));
  }

  /** A call whose failures all propagate (translated). */
  public <T> T call(String operation, Supplier<T> call) {
    return run(operation, call, false);
  }

  /** A read where not-found is an answer, not an error. */
  public <T> Optional<T> find(String operation, Supplier<T> call) {
    try {
      return Optional.ofNullable(run(operation, call, true));
    } catch (NotFound e) {
      return Optional.empty();
    }
  }

  /**
   * A capacity-provider write: one at a time across all reconcile threads, each a second (at 1 per
   * second) after the previous one was answered.
   */
  public <T> T providerWrite(String operation, Supplier<T> call) {
    return providerWrites.run(() -> call(operation, call));
  }

  private <T> T run(String operation, Supplier<T> call, boolean notFoundIsAnswer) {
    allCalls.acquire();
    var start = System.nanoTime();
    try {
      var result = call.get();
      metrics.awsCall(operation, "ok", System.nanoTime() - start);
      return result;
    } catch (SdkException e) {
      var code = AwsErrors.code(e);
      metrics.awsCall(operation, code, System.nanoTime() - start);
      if (notFoundIsAnswer && AwsErrors.isNotFound(e)) {
        throw new NotFound();
      }
      throw AwsErrors.translate(operation, e);
    }
  }

  /** Internal signal for {@link #find}. */
  private static final class NotFound extends RuntimeException {
    NotFound() {
      super(null, null, false, false);
    }
  }
}
