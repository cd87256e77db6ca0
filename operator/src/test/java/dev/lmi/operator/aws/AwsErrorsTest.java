package dev.lmi.operator.aws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.lambda.model.LambdaException;

class AwsErrorsTest {
  @ParameterizedTest
  @CsvSource({
    "TooManyRequestsException,429,retryable,THROTTLED",
    "RequestLimitExceeded,503,retryable,THROTTLED",
    "ServiceException,500,retryable,TRANSIENT",
    "ResourceConflictException,409,retryable,CONFLICT",
    "SomethingNew,503,retryable,TRANSIENT",
    "SomethingNew,418,terminal,OTHER",
    "ValidationException,400,terminal,VALIDATION",
    "InvalidParameterValueException,400,terminal,VALIDATION",
    "InvalidSubnetID.NotFound,400,terminal,NOT_FOUND",
    "ResourceNotFoundException,404,terminal,NOT_FOUND",
    "AccessDeniedException,403,terminal,ACCESS_DENIED",
    "InvalidClientTokenId,403,terminal,ACCESS_DENIED",
    "CapacityProviderLimitExceededException,400,terminal,QUOTA",
    "FunctionVersionsPerCapacityProviderLimitExceededException,400,terminal,QUOTA",
    "VpcEndpointLimitExceeded,400,terminal,QUOTA"
  })
  void sortsErrorsByCodeNotByClass(String code, int status, String expected, ErrorKind kind) {
    var e =
        (LambdaException)
            LambdaException.builder()
                .statusCode(status)
                .awsErrorDetails(
                    AwsErrorDetails.builder().errorCode(code).errorMessage("m").build())
                .build();
    var translated = AwsErrors.translate("Op", e);
    assertThat(translated)
        .isInstanceOf(
            expected.equals("retryable")
                ? AwsRetryableException.class
                : AwsTerminalException.class);
    assertThat(translated.kind()).isEqualTo(kind);
    assertThat(translated.errorCode()).isEqualTo(code);
    assertThat(translated.getMessage()).isEqualTo("Op: " + code + ": m");
  }
}
