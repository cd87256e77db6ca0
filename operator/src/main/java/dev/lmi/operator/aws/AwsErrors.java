package dev.lmi.operator.aws;

import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/** Sorts AWS errors into not-found, retryable and terminal, by error code rather than class. */
public final class AwsErrors {
  /** The name (or alias) is taken, or another change to the resource is in progress. */
  public static final String CONFLICT = "ResourceConflictException";

  private static final Set<String> NOT_FOUND =
      Set.of(
          "ResourceNotFoundException",
          "InvalidSubnetID.NotFound",
          "InvalidGroup.NotFound",
          "InvalidVpcID.NotFound",
          "InvalidVpcEndpointId.NotFound");
  private static final Set<String> RETRYABLE =
      Set.of(
          "TooManyRequestsException",
          "ThrottlingException",
          "Throttling",
          "RequestLimitExceeded",
          "ServiceException",
          "ServiceUnavailable",
          "InternalError",
          CONFLICT,
          "PreconditionFailedException",
          "EC2ThrottledException");

  private AwsErrors() {}

  /**
   * Runs a create; empty when AWS refuses it because the name is taken (or the resource is busy),
   * so the caller reads what is there instead. Every other failure propagates.
   */
  public static <T> Optional<T> unlessConflict(Supplier<T> create) {
    try {
      return Optional.of(create.get());
    } catch (AwsRetryableException e) {
      if (CONFLICT.equals(e.errorCode())) {
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

  public static boolean isNotFound(SdkException e) {
    return NOT_FOUND.contains(code(e));
  }

  /** Maps an SDK failure to our retryable or terminal exception. */
  public static RuntimeException translate(String operation, SdkException e) {
    var code = code(e);
    var message = operation + ": " + code + ": " + messageOf(e);
    if (isRetryable(e, code)) {
      return new AwsRetryableException(code, message, e);
    }
    return new AwsTerminalException(code, message, e);
  }

  private static boolean isRetryable(SdkException e, String code) {
    if (RETRYABLE.contains(code) || e instanceof SdkClientException) {
      return true;
    }
    return e instanceof AwsServiceException s && s.statusCode() >= 500;
  }

  private static String messageOf(SdkException e) {
    if (e instanceof AwsServiceException s && s.awsErrorDetails() != null) {
      var m = s.awsErrorDetails().errorMessage();
      return m != null ? m : "HTTP " + s.statusCode();
    }
    return String.valueOf(e.getMessage());
  }
}
