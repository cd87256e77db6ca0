package dev.lmi.operator.aws;

/** An AWS failure that goes away by itself (throttling, 5xx, conflicts): retry with backoff. */
public class AwsRetryableException extends RuntimeException {
  private final String errorCode;

  public AwsRetryableException(String errorCode, String message, Throwable cause) {
    super(message, cause);
    this.errorCode = errorCode;
  }

  public String errorCode() {
    return errorCode;
  }
}
