package dev.lmi.operator.aws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.lambda.model.LambdaException;

class AwsErrorsTest {
  @ParameterizedTest
  @CsvSource({
    "TooManyRequestsException,429,retryable",
    "ServiceException,500,retryable",
    "ResourceConflictException,409,retryable",
    "SomethingNew,503,retryable",
    "ValidationException,400,terminal",
    "InvalidParameterValueException,400,terminal",
    "AccessDeniedException,403,terminal",
    "CapacityProviderLimitExceededException,400,terminal"
  })
  void sortsErrorsByCodeNotByClass(String code, int status, String expected) {
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
    assertThat(translated.getMessage()).isEqualTo("Op: " + code + ": m");
  }
}
