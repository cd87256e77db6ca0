package dev.lmi.operator.aws;

/** An AWS failure that goes away by itself (throttling, 5xx, conflicts): retry with backoff. */
public class AwsRetryableException extends RuntimeException {
  private final String errorCode;

  public AwsRetryableException(String errorCode, String message, Throwable cause) {
    super(message, cause);
    this.errorCode = errorCode;
  }

  /** A wait for a rate limit was interrupted (the operator is stopping): keeps the flag set. */
  static AwsRetryableException interrupted(String waitingFor, InterruptedException e) {
    Thread.currentThread().interrupt();
    return new AwsRetryableException("Interrupted", "interrupted while " + waitingFor, e);
  }

  public String errorCode() {
    return errorCode;
  }
}
