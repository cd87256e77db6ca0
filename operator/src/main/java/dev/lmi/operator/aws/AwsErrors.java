package dev.lmi.operator.aws;

import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Decides once what an AWS error means ({@link ErrorKind}), by its error code rather than its
 * class: several LMI errors are unmodeled and reach the SDK as a plain LambdaException.
 */
public final class AwsErrors {
  private static final Set<String> NOT_FOUND = Set.of("ResourceNotFoundException", "NotFound");
  private static final Set<String> THROTTLED =
      Set.of(
          "TooManyRequestsException",
          "ThrottlingException",
          "Throttling",
          "RequestLimitExceeded",
          "EC2ThrottledException",
          "SlowDown");
  private static final Set<String> CONFLICT =
      Set.of("ResourceConflictException", "PreconditionFailedException", "IncorrectState");
  private static final Set<String> ACCESS_DENIED =
      Set.of(
          "AccessDeniedException",
          "AccessDenied",
          "UnauthorizedOperation",
          "UnrecognizedClientException",
          "InvalidClientTokenId",
          "ExpiredTokenException",
          "AuthFailure",
          "SignatureDoesNotMatch",
          "KMSAccessDeniedException");
  private static final Set<String> TRANSIENT =
      Set.of(
          "ServiceException",
          "ServiceUnavailable",
          "InternalError",
          "InternalFailure",
          "ClientError",
          "Interrupted");

  private AwsErrors() {}

  /**
   * Runs a create; empty when AWS refuses it because the name is taken (or the resource is busy),
   * so the caller reads what is there instead. Every other failure propagates.
   */
  public static <T> Optional<T> unlessConflict(Supplier<T> create) {
    try {
      return Optional.of(create.get());
    } catch (AwsException e) {
      if (e.kind() == ErrorKind.CONFLICT) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** The AWS error code of a failure, or a stable name for client-side failures. */
  public static String code(SdkException e) {
    if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
      var code = service.awsErrorDetails().errorCode();
      return code != null ? code : "HTTP" + service.statusCode();
    }
    return e instanceof SdkClientException ? "ClientError" : e.getClass().getSimpleName();
  }

  /** What an AWS error code (and HTTP status, 0 when there is none) means. */
  public static ErrorKind kind(String code, int status) {
    if (NOT_FOUND.contains(code) || code.endsWith(".NotFound")) {
      return ErrorKind.NOT_FOUND;
    }
    if (THROTTLED.contains(code) || status == 429) {
      return ErrorKind.THROTTLED;
    }
    if (CONFLICT.contains(code)) {
      return ErrorKind.CONFLICT;
    }
    if (ACCESS_DENIED.contains(code)) {
      return ErrorKind.ACCESS_DENIED;
    }
    if (code.endsWith("LimitExceededException")
        || code.endsWith("LimitExceeded")
        || code.equals("CodeStorageExceededException")) {
      return ErrorKind.QUOTA;
    }
    if (code.startsWith("Invalid") || code.equals("ValidationException")) {
      return ErrorKind.VALIDATION;
    }
    if (TRANSIENT.contains(code) || status >= 500) {
      return ErrorKind.TRANSIENT;
    }
    return ErrorKind.OTHER;
  }

  static ErrorKind kind(SdkException e) {
    if (e instanceof SdkClientException) {
      return ErrorKind.TRANSIENT;
    }
    return kind(code(e), e instanceof AwsServiceException s ? s.statusCode() : 0);
  }

  public static boolean isNotFound(SdkException e) {
    return kind(e) == ErrorKind.NOT_FOUND;
  }

  /** Maps an SDK failure to our retryable or terminal exception, carrying its kind. */
  public static AwsException translate(String operation, SdkException e) {
    var code = code(e);
    var kind = kind(e);
    var message = operation + ": " + code + ": " + messageOf(e);
    if (kind.retryable()) {
      return new AwsRetryableException(code, kind, message, e);
    }
    return new AwsTerminalException(code, kind, message, e);
  }

  private static String messageOf(SdkException e) {
    if (e instanceof AwsServiceException s && s.awsErrorDetails() != null) {
      var m = s.awsErrorDetails().errorMessage();
      return m != null ? m : "HTTP " + s.statusCode();
    }
    return String.valueOf(e.getMessage());
  }
}
