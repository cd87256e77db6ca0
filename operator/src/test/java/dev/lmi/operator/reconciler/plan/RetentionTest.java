package dev.lmi.operator.reconciler.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lmi.operator.aws.VersionView;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetentionTest {
  /** "1,2F,3" are versions 1 to 3, the second Failed. */
  private static List<VersionView> versions(String spec) {
    return Arrays.stream(spec.split(","))
        .map(
            v ->
                new VersionView(
                    v.replace("F", ""), v.endsWith("F") ? "Failed" : "Active", null, null, null))
        .toList();
  }

  @ParameterizedTest(name = "{0} keep {1}, alias {2}, published {3}: delete {4}")
  @CsvSource(
      delimiter = '|',
      value = {
        // The case: a failed publish, then a fix: 1 stays as the fix's predecessor.
        "1,2F,3|2|3|3|2",
        "1,2,3|2|3|3|1",
        "1,2,3,4|2|4|4|1,2",
        // The alias on an older version (a failure after it) keeps it and the newest good one.
        "1,2,3F|1|1|3|''",
        "1,2,3,4F|1|2|4|1",
        // The newest publish failed: it stays for its message; older failures go.
        "1,2F,3,4F|2|3|4|2",
        "1,2,3|5|3|3|''",
        "1F|1|''|1|''"
      })
  void keepsGoodVersionsOnlyAndNeverTheRollbackTarget(
      String versions, int keep, String alias, String published, String doomed) {
    var expected = doomed.isEmpty() ? List.<String>of() : List.of(doomed.split(","));
    assertThat(
            Retention.doomed(versions(versions), keep, alias.isEmpty() ? null : alias, published))
        .isEqualTo(expected);
  }
}
