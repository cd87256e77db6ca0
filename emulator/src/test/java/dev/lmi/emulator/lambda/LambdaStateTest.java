package dev.lmi.emulator.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LambdaStateTest {
  @Test
  void splitsNamesPartialArnsAndFullArns() {
    assertThat(LambdaState.parseFunctionName("fn")).containsExactly("fn", null);
    assertThat(LambdaState.parseFunctionName("fn:live")).containsExactly("fn", "live");
    assertThat(LambdaState.parseFunctionName("123456789012:function:fn"))
        .containsExactly("fn", null);
    assertThat(
            LambdaState.parseFunctionName(
                "arn:aws:lambda:us-east-1:123456789012:function:fn:$LATEST.PUBLISHED"))
        .containsExactly("fn", "$LATEST.PUBLISHED");
  }

  @Test
  void resolvesProviderNamesFromArns() {
    assertThat(
            LambdaState.providerName("arn:aws:lambda:us-east-1:123456789012:capacity-provider:cp1"))
        .isEqualTo("cp1");
    assertThat(LambdaState.providerName("cp1")).isEqualTo("cp1");
  }
}
