package dev.lmi.operator.aws;

/** An AWS failure that goes away by itself (throttling, 5xx, conflicts): retry with backoff. */
public class AwsRetryableException extends AwsException {

  public AwsRetryableException(String errorCode, ErrorKind kind, String message, Throwable cause) {
    super(errorCode, kind, message, cause);
  }

  /** A wait for a rate limit was interrupted (the operator is stopping): keeps the flag set. */
  static AwsRetryableException interrupted(String waitingFor, InterruptedException e) {
    Thread.currentThread().interrupt();
    return new AwsRetryableException(
        "Interrupted", ErrorKind.TRANSIENT, "interrupted while " + waitingFor, e);
  }
}
