package dev.lmi.emulator.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamesTest {
  @Test
  void splitsNamesPartialArnsAndFullArns() {
    assertThat(Names.parseFunctionName("fn")).containsExactly("fn", null);
    assertThat(Names.parseFunctionName("fn:live")).containsExactly("fn", "live");
    assertThat(Names.parseFunctionName("123456789012:function:fn")).containsExactly("fn", null);
    assertThat(
            Names.parseFunctionName(
                "arn:aws:lambda:us-east-1:123456789012:function:fn:$LATEST.PUBLISHED"))
        .containsExactly("fn", "$LATEST.PUBLISHED");
  }

  @Test
  void resolvesProviderNamesFromArns() {
    assertThat(Names.providerName("arn:aws:lambda:us-east-1:123456789012:capacity-provider:cp1"))
        .isEqualTo("cp1");
    assertThat(Names.providerName("cp1")).isEqualTo("cp1");
  }
}
