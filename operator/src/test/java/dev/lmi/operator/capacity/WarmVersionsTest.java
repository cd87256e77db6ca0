package dev.lmi.operator.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lmi.operator.capacity.WarmVersions.Readiness;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WarmVersionsTest {

  // "3:A:3:3" is version 3, Active, min 3, max 3 (P Pending, D Deactivated, F Failed).
  private static List<ObservedVersion> versions(String list) {
    return Arrays.stream(list.split(" "))
        .map(s -> s.split(":"))
        .map(
            p ->
                new ObservedVersion(
                    p[0],
                    switch (p[1]) {
                      case "A" -> VersionState.ACTIVE;
                      case "P" -> VersionState.PENDING;
                      case "D" -> VersionState.DEACTIVATED;
                      default -> VersionState.FAILED;
                    },
                    Integer.parseInt(p[2]),
                    Integer.parseInt(p[3])))
        .toList();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      textBlock =
          """
          promoted 4: 2 and 3 still warm          | 1:D:0:0 2:A:3:3 3:A:3:3 4:A:3:10               | 4    | 2,3
          a candidate newer than the alias stays | 2:A:3:3 3:A:3:10 4:P:3:10                       | 3    | 2
          a canary's two versions stay            | 2:A:3:3 3:A:3:10 4:A:3:10 5:P:3:10              | 3,4  | 2
          a version between them goes             | 2:A:3:3 3:A:3:10 4:A:3:10 5:A:3:10              | 3,5  | 2,4
          failed and deactivated hold nothing     | 1:F:3:3 2:D:0:0 3:A:0:0 4:A:3:10                | 4    | -
          nothing routed yet                      | 1:A:3:3 2:P:3:3                                 | -    | -
          the version about to be pointed at      | 2:A:3:3 3:A:3:10                                | 3,2  | -
          $LATEST.PUBLISHED is never touched      | $LATEST.PUBLISHED:A:3:3 3:A:3:10                | 3    | -
          """)
  void scalesToZeroTheRetainedVersionsNoAliasUses(
      String scenario, String observed, String routed, String expected) {
    var route = routed == null ? Set.<String>of() : Set.of(routed.split(","));

    var deactivate = WarmVersions.toDeactivate(versions(observed), route);

    assertThat(String.join(",", deactivate)).isEqualTo(expected == null ? "" : expected);
  }

  @ParameterizedTest(name = "{0} {1}/{2}: {3}")
  @CsvSource({
    "ACTIVE, 3, 10, READY",
    "ACTIVE, 0, 0, REACTIVATE",
    "DEACTIVATING, 0, 0, REACTIVATE",
    "DEACTIVATED, 0, 0, REACTIVATE",
    "PENDING, 3, 10, WAIT",
    "FAILED, 3, 10, UNAVAILABLE",
    "DELETING, 3, 10, UNAVAILABLE",
    "OTHER, 3, 10, UNAVAILABLE"
  })
  void saysWhatAVersionNeedsBeforeTrafficGoesToIt(
      VersionState state, int min, int max, Readiness readiness) {
    assertThat(WarmVersions.readiness(new ObservedVersion("3", state, min, max)))
        .isEqualTo(readiness);
  }
}
