package dev.lmi.operator.aws;

/** An AWS call that failed, with AWS's error code and what that code means ({@link ErrorKind}). */
public abstract class AwsException extends RuntimeException {
  private final String errorCode;
  private final ErrorKind kind;

  protected AwsException(String errorCode, ErrorKind kind, String message, Throwable cause) {
    super(message, cause);
    this.errorCode = errorCode;
    this.kind = kind;
  }

  /** AWS's error code, for messages and metrics only: decisions use {@link #kind()}. */
  public String errorCode() {
    return errorCode;
  }

  public ErrorKind kind() {
    return kind;
  }
}
