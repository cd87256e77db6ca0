package dev.lmi.operator.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lmi.operator.aws.AlarmView;
import dev.lmi.operator.aws.InvocationCounts;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StepJudgeTest {
  private static final Instant FROM = Instant.parse("2026-12-01T12:01:00Z");

  /** maxErrorRate | minInvocations | invocations | errors | alarms (name=STATE ...) | verdict. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      textBlock =
          """
          a clean step passes                          | 0.01 | 20 | 60 | 0  | a=OK                | -
          exactly at the threshold passes              | 0.05 | 20 | 60 | 3  | -                   | -
          one error above it rolls back                | 0.05 | 20 | 60 | 4  | -                   | error rate 0.0667 (4 errors / 60 invocations of version 4 since 12:01:00 UTC) above maxErrorRate 0.05
          too few invocations to judge                 | 0.01 | 20 | 19 | 19 | -                   | -
          minInvocations 0 still needs one invocation  | 0.01 | 0  | 0  | 0  | -                   | -
          minInvocations 0 judges from the first       | 0.01 | 0  | 1  | 1  | -                   | error rate 1 (1 errors / 1 invocations of version 4 since 12:01:00 UTC) above maxErrorRate 0.01
          a rate of 0 allows no error                  | 0    | 1  | 500| 1  | -                   | error rate 0.002 (1 errors / 500 invocations of version 4 since 12:01:00 UTC) above maxErrorRate 0
          a rate of 1 allows every error               | 1    | 1  | 50 | 50 | -                   | -
          no maxErrorRate: errors alone never fail     | -    | 1  | 50 | 50 | -                   | -
          an alarm in ALARM fails at once              | 0.01 | 20 | 0  | 0  | a=OK b=ALARM        | alarm b is in ALARM: why b
          two in ALARM: the first and a count          | -    | 20 | 0  | 0  | a=ALARM b=ALARM     | alarm a is in ALARM (and 1 more): why a
          a missing alarm fails before others          | -    | 20 | 0  | 0  | a=ALARM b=MISSING   | alarm b does not exist in CloudWatch (check the name and the function's region)
          INSUFFICIENT_DATA passes                     | -    | 20 | 0  | 0  | a=INSUFFICIENT_DATA | -
          alarms come before the error rate            | 0.01 | 1  | 10 | 10 | a=ALARM             | alarm a is in ALARM: why a
          """)
  void judgesAStepOnItsFigures(
      String name,
      BigDecimal rate,
      long min,
      long invocations,
      long errors,
      String alarms,
      String verdict) {
    var analysis = new Analysis(List.of(), rate, min);
    var readings =
        new Readings(
            alarms(alarms),
            new InvocationCounts("4", invocations, errors, FROM, FROM.plusSeconds(300)));

    assertThat(StepJudge.failure(analysis, readings).orElse(null)).as(name).isEqualTo(verdict);
  }

  @ParameterizedTest(name = "min {0}, {1} seen: {2}")
  @CsvSource({"20, 19, false", "20, 20, true", "0, 0, true", "1, 0, false"})
  void aStepNeedsItsInvocations(long min, long seen, boolean enough) {
    var readings = new Readings(List.of(), new InvocationCounts("4", seen, 0, FROM, FROM));
    assertThat(StepJudge.enoughInvocations(new Analysis(List.of(), null, min), readings))
        .isEqualTo(enough);
  }

  private static List<AlarmView> alarms(String spec) {
    var out = new ArrayList<AlarmView>();
    if (spec == null) {
      return out;
    }
    for (var pair : spec.split(" ")) {
      var name = pair.substring(0, pair.indexOf('='));
      var state = AlarmView.State.valueOf(pair.substring(pair.indexOf('=') + 1));
      out.add(new AlarmView(name, state, state == AlarmView.State.MISSING ? null : "why " + name));
    }
    return out;
  }
}
