package dev.lmi.emulator.lambda;

/**
 * One invocation as Lambda reports it to CloudWatch.
 *
 * @param qualifier the version or alias the caller named; null for an unqualified call
 * @param alias whether the qualifier named an alias (the metrics then carry ExecutedVersion)
 * @param executedVersion the version that ran (or would have run, when throttled)
 * @param durationMillis how long the handler ran; 0 when throttled
 */
public record Invocation(
    String functionName,
    String qualifier,
    boolean alias,
    String executedVersion,
    Outcome outcome,
    double durationMillis) {

  /** What became of the invocation. */
  public enum Outcome {
    SUCCESS,
    FUNCTION_ERROR,
    THROTTLED
  }

  /** Where invocations are reported (CloudWatch's Lambda metrics). */
  @FunctionalInterface
  public interface Sink {
    Sink NONE = invocation -> {};

    void record(Invocation invocation);
  }
}
