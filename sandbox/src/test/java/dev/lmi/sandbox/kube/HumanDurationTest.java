package dev.lmi.sandbox.kube;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HumanDurationTest {
  @ParameterizedTest
  @CsvSource({
    "-5, <invalid>",
    "-1, 0s",
    "0, 0s",
    "119, 119s",
    "120, 2m",
    "190, 3m10s",
    "600, 10m",
    "10799, 179m",
    "10800, 3h",
    "12600, 3h30m",
    "28800, 8h",
    "172800, 2d",
    "180000, 2d2h",
    "691200, 8d",
    "63072000, 2y",
    "63158400, 2y1d",
    "252460800, 8y"
  })
  void printsAgesAsKubectlDoes(long seconds, String shown) {
    assertThat(HumanDuration.of(Duration.ofSeconds(seconds))).isEqualTo(shown);
  }
}
