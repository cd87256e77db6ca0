package dev.lmi.emulator.lambda;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lmi.emulator.http.ApiException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidatorTest {
  @Test
  void reportsOneViolationInAwsWording() {
    var v = new Validator().string("a b", "capacityProviderName", 1, 140, "[a-z]+");

    assertThatThrownBy(v::throwIfInvalid)
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo("ValidationException");
              org.assertj.core.api.Assertions.assertThat(e.status()).isEqualTo(400);
            })
        .hasMessage(
            "1 validation error detected: Value 'a b' at 'capacityProviderName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-z]+");
  }

  @Test
  void joinsSeveralViolationsWithSemicolons() {
    var v =
        new Validator()
            .range(1, "maxVCpuCount", 2, 15000)
            .oneOf("Fast", "scalingMode", List.of("Auto", "Manual"));

    assertThatThrownBy(v::throwIfInvalid)
        .hasMessage(
            "2 validation errors detected: Value '1' at 'maxVCpuCount' failed to satisfy constraint: Member must have value greater than or equal to 2; "
                + "Value 'Fast' at 'scalingMode' failed to satisfy constraint: Member must satisfy enum value set: [Auto, Manual]");
  }

  @Test
  void checksLengthsBeforePatterns() {
    var v = new Validator().string("", "name", 1, 5, "[a-z]+");

    assertThatThrownBy(v::throwIfInvalid)
        .hasMessageContaining("Member must have length greater than or equal to 1");
  }

  @Test
  void absentOptionalValuesPass() {
    var v =
        new Validator()
            .string(null, "kmsKeyArn", 0, 10, "x")
            .range(null, "n", 1, 2)
            .oneOf(null, "e", List.of("a"));

    assertThatCode(v::throwIfInvalid).doesNotThrowAnyException();
  }

  @Test
  void reportsMissingRequiredMembers() {
    var v = new Validator();
    v.required(null, "vpcConfig");

    assertThatThrownBy(v::throwIfInvalid)
        .hasMessageContaining(
            "Value null at 'vpcConfig' failed to satisfy constraint: Member must not be null");
  }
}
