package dev.lmi.emulator.lambda;

import dev.lmi.emulator.http.ApiException;

/** Factory for Lambda's modeled (and a few unmodeled) errors with their real HTTP statuses. */
public final class LambdaErrors {
  private LambdaErrors() {}

  public static ApiException notFound(String message) {
    return new ApiException(404, "ResourceNotFoundException", message);
  }

  public static ApiException functionNotFound(String arn) {
    return notFound("Function not found: " + arn);
  }

  public static ApiException conflict(String message) {
    return new ApiException(409, "ResourceConflictException", message);
  }

  public static ApiException invalid(String message) {
    return new ApiException(400, "InvalidParameterValueException", message);
  }

  public static ApiException validation(String message) {
    return new ApiException(400, "ValidationException", message);
  }

  public static ApiException precondition(String message) {
    return new ApiException(412, "PreconditionFailedException", message);
  }

  public static ApiException accessDenied(String message) {
    return new ApiException(403, "AccessDeniedException", message);
  }

  public static ApiException tooManyRequests(
      String message, String reason, long retryAfterSeconds) {
    return new ApiException(429, "TooManyRequestsException", message)
        .withHeader("Retry-After", Long.toString(retryAfterSeconds))
        .withBody("Reason", reason);
  }

  public static ApiException service(String message) {
    return new ApiException(500, "ServiceException", message);
  }

  public static ApiException providerLimit() {
    return new ApiException(
        400,
        "CapacityProviderLimitExceededException",
        "Capacity provider limit exceeded: an account can have at most 1000 capacity providers.");
  }

  public static ApiException versionsLimit(String providerArn) {
    return new ApiException(
        400,
        "FunctionVersionsPerCapacityProviderLimitExceededException",
        "Function versions per capacity provider limit exceeded (100) for " + providerArn);
  }

  public static ApiException noPublishedVersion(String arn) {
    return new ApiException(
        400, "NoPublishedVersionException", "No published version found for function: " + arn);
  }

  public static ApiException updateInProgress(String arn) {
    return conflict("An update is in progress for resource: " + arn);
  }

  public static ApiException inState(String state) {
    return conflict(
        "The operation cannot be performed at this time. The function is currently in the following"
            + " state: "
            + state);
  }
}
