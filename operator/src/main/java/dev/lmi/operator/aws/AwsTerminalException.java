package dev.lmi.operator.aws;

/** An AWS rejection only a change of the spec (or of IAM) can fix: never retried in a loop. */
public class AwsTerminalException extends RuntimeException {
  private final String errorCode;

  public AwsTerminalException(String errorCode, String message, Throwable cause) {
    super(message, cause);
    this.errorCode = errorCode;
  }

  public String errorCode() {
    return errorCode;
  }
}
