package dev.lmi.operator.aws;

/** An AWS rejection only a change of the spec (or of IAM) can fix: never retried in a loop. */
public class AwsTerminalException extends AwsException {

  public AwsTerminalException(String errorCode, ErrorKind kind, String message, Throwable cause) {
    super(errorCode, kind, message, cause);
  }
}
