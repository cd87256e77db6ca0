package dev.lmi.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OperatorSettingsTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "a/b",
        "prod eu",
        "a-name-of-sixty-four-characters-is-one-too-long-for-the-tag-part"
      })
  void refusesAClusterNameThatCannotBePartOfAnOwnerTag(String name) {
    assertThatThrownBy(
            () -> new OperatorSettings(Duration.ofMinutes(1), Duration.ofSeconds(1), name, "ns"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("owner tags");
  }
}
