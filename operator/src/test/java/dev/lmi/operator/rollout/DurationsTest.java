package dev.lmi.operator.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

  @ParameterizedTest(name = "{0} = {1} s, shown as {2}")
  @CsvSource({
    "30s, 30, 30s",
    "5m, 300, 5m",
    "1h, 3600, 1h",
    "1h30m, 5400, 1h30m",
    "90m, 5400, 1h30m",
    "24h, 86400, 24h",
    "23h59m59s, 86399, 23h59m59s",
    "0s, 0, 0s",
    "99999s, 99999, 27h46m39s"
  })
  void readsTheCrdsGrammarAndWritesItBack(String text, long seconds, String shown) {
    assertThat(Durations.parse(text)).isEqualTo(Duration.ofSeconds(seconds));
    assertThat(Durations.format(Duration.ofSeconds(seconds))).isEqualTo(shown);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "5", "5 m", "1d", "500ms", "30s5m", "-5m", "1.5h", "123456s", "m"})
  void refusesAnythingElse(String text) {
    assertThatThrownBy(() -> Durations.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not a duration of hours, minutes and seconds");
  }

  @ParameterizedTest
  @CsvSource({"PT2M47.2S, 2m48s", "PT0.1S, 1s", "PT-5S, 0s"})
  void roundsPartsOfASecondUpAndNeverShowsANegativeTime(Duration d, String shown) {
    assertThat(Durations.format(d)).isEqualTo(shown);
  }
}
