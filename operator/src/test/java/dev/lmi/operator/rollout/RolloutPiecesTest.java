package dev.lmi.operator.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The small pure pieces: routes, commands, when to look again, capacity. */
class RolloutPiecesTest {

  @Test
  void readsAnAliasAsAwsReportsIt() {
    assertThat(Route.observed("3", Map.of())).isEqualTo(Route.single("3"));
    assertThat(Route.observed("3", null)).isEqualTo(Route.single("3"));
    assertThat(Route.observed("3", Map.of("4", 0.1))).isEqualTo(Route.split("3", "4", 10));
    assertThat(Route.observed("3", Map.of("4", 0.333))).isEqualTo(Route.split("3", "4", 33));
    assertThat(Route.split("3", "4", 10)).hasToString("3 (90%) + 4 (10%)");
  }

  @ParameterizedTest
  @CsvSource(
      nullValues = "-",
      value = {
        "-, NONE",
        "promote, PROMOTE",
        "abort, ABORT",
        "' abort ', ABORT",
        "Abort, UNKNOWN",
        "pause, UNKNOWN",
        "'', UNKNOWN"
      })
  void readsTheAnnotation(String value, Command command) {
    assertThat(Command.of(value)).isEqualTo(command);
  }

  /** analysis? | left of the pause | look again after. */
  @ParameterizedTest(name = "analysis {0}, {1} left: {2}")
  @CsvSource({
    "false, PT5M, PT5M",
    "false, PT0.2S, PT1S",
    "false, PT-3S, PT1S",
    "true, PT5M, PT1M",
    "true, PT30S, PT30S",
    "true, PT0.2S, PT1S",
    "true, PT0S, PT1M",
    "true, PT-10M, PT1M"
  })
  void looksAgainAtTheEndOfThePauseAndEveryMinuteWithAnalysis(
      boolean analysed, Duration left, Duration expected) {
    var analysis = analysed ? new Analysis(List.of("a"), null, 0) : null;
    assertThat(Decisions.lookAgain(analysis, left)).isEqualTo(expected);
  }

  /** max | in use | stable's | candidate's environments | vCPU each | refusal. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      textBlock =
          """
          fits with room              | 100 | 6  | 6  | 3 | 2 | -
          fits exactly                | 12  | 6  | 6  | 3 | 2 | -
          one vCPU short              | 11  | 6  | 6  | 3 | 2 | the new version needs 6 vCPUs (3 environments × 2 vCPUs) next to version 3's 6 during the rollout, but capacity provider orders-pool has 5 of its maxVCpuCount 11 free: raise maxVCpuCount to at least 12 or lower scaling.minExecutionEnvironments
          over the ceiling already    | 8   | 10 | 6  | 1 | 1 | the new version needs 1 vCPUs (1 environments × 1 vCPUs) next to version 3's 6 during the rollout, but capacity provider orders-pool has 0 of its maxVCpuCount 8 free: raise maxVCpuCount to at least 11 or lower scaling.minExecutionEnvironments
          no environments needed      | 8   | 8  | 6  | 0 | 4 | -
          """)
  void refusesARolloutThatDoesNotFitTheProvider(
      String name,
      int max,
      int inUse,
      int stable,
      int environments,
      int perEnvironment,
      String refusal) {
    var figures =
        new RolloutCapacity.Figures(
            "orders-pool", max, inUse, "3", stable, environments, perEnvironment);
    assertThat(RolloutCapacity.refusal(figures).orElse(null)).as(name).isEqualTo(refusal);
  }
}
