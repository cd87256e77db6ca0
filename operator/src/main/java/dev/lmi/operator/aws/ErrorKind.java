package dev.lmi.operator.aws;

/**
 * What an AWS failure means for the caller, decided once from its error code ({@link AwsErrors}):
 * the reconcilers and plans switch on these, never on AWS's code strings.
 */
public enum ErrorKind {
  /** The resource does not exist (404, EC2's *.NotFound). */
  NOT_FOUND(false),
  /** A rate limit: retried with backoff. */
  THROTTLED(true),
  /** The name is taken, or another change to the resource is in progress: retried. */
  CONFLICT(true),
  /**
   * An account or resource quota (e.g. 100 versions per capacity provider): only a change helps.
   */
  QUOTA(false),
  /** AWS refused a value of the request: only a spec change helps. */
  VALIDATION(false),
  /** IAM or credentials refused the call: only an IAM change helps. */
  ACCESS_DENIED(false),
  /** A 5xx, a network failure or an interrupted wait: retried. */
  TRANSIENT(true),
  /** Anything else: not retried in a loop. */
  OTHER(false);

  private final boolean retryable;

  ErrorKind(boolean retryable) {
    this.retryable = retryable;
  }

  /** Whether the failure goes away by itself, so the call is retried with backoff. */
  public boolean retryable() {
    return retryable;
  }
}
