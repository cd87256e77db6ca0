package dev.lmi.operator.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WeightsTest {
  @ParameterizedTest
  @CsvSource({"1, 0.01", "10, 0.1", "50, 0.5", "99, 0.99"})
  void writesPercentWeightsAsAwsFractionsAndReadsThemBack(int percent, double fraction) {
    assertThat(Weights.fraction(percent)).isEqualTo(fraction);
    assertThat(Weights.percent(fraction)).isEqualTo(percent);
  }

  @ParameterizedTest
  @CsvSource({"0", "100", "-5"})
  void refusesWeightsThatAreNotASplit(int percent) {
    assertThatThrownBy(() -> Weights.fraction(percent))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1-99 %");
  }

  @Test
  void namesTheOneAdditionalVersionOfARouting() {
    assertThat(Weights.additionalVersion(Map.of("4", 0.1))).isEqualTo("4");
    assertThat(Weights.additionalVersion(Map.of())).isNull();
    assertThat(Weights.additionalVersion(null)).isNull();
  }
}
