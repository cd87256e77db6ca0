package dev.lmi.operator.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lmi.operator.api.FunctionScalingSpec;
import dev.lmi.operator.api.LmiFunctionSpec;
import dev.lmi.operator.api.ScalingScheduleSpec;
import dev.lmi.operator.schedule.EffectiveScaling.Source;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SchedulesTest {
  private static final String BERLIN = "Europe/Berlin";

  // The issue's example: weekday nights at zero, weekday days back at 3..10.
  private static final Schedules.Settings OFFICE_HOURS =
      new Schedules.Settings(
          3,
          10,
          List.of(
              window("nights", "0 20 * * MON-FRI", BERLIN, 0, 0),
              window("days", "0 7 * * MON-FRI", BERLIN, 3, 10)),
          false);

  private static Window window(String name, String cron, String zone, int min, Integer max) {
    return new Window(name, new ZonedCron(CronExpression.parse(cron), ZoneId.of(zone)), min, max);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      textBlock =
          """
          # now (UTC; Berlin is UTC+1 in December) | window | min | max | since              | next window | next change
          2026-12-07T05:59:00Z | nights | 0 | 0  | 2026-12-04T19:00:00Z | days   | 2026-12-07T06:00:00Z
          2026-12-07T06:00:00Z | days   | 3 | 10 | 2026-12-07T06:00:00Z | nights | 2026-12-07T19:00:00Z
          2026-12-07T18:59:59Z | days   | 3 | 10 | 2026-12-07T06:00:00Z | nights | 2026-12-07T19:00:00Z
          2026-12-07T19:00:00Z | nights | 0 | 0  | 2026-12-07T19:00:00Z | days   | 2026-12-08T06:00:00Z
          2026-12-12T12:00:00Z | nights | 0 | 0  | 2026-12-11T19:00:00Z | days   | 2026-12-14T06:00:00Z
          2026-03-30T04:59:00Z | nights | 0 | 0  | 2026-03-27T19:00:00Z | days   | 2026-03-30T05:00:00Z
          2026-03-30T05:00:00Z | days   | 3 | 10 | 2026-03-30T05:00:00Z | nights | 2026-03-30T18:00:00Z
          2026-10-26T05:59:00Z | nights | 0 | 0  | 2026-10-23T18:00:00Z | days   | 2026-10-26T06:00:00Z
          """)
  void theScheduleThatFiredLastIsInForce(
      Instant now,
      String window,
      int min,
      Integer max,
      Instant since,
      String nextWindow,
      Instant nextChange) {
    var effective = Schedules.effectiveScaling(OFFICE_HOURS, now);

    assertThat(effective)
        .isEqualTo(
            new EffectiveScaling(min, max, Source.SCHEDULE, window, since, nextChange, nextWindow));
    assertThat(effective.deactivates()).isEqualTo("nights".equals(window));
  }

  @Test
  void writesTheWindowInForceToStatus() {
    var night = Schedules.effectiveScaling(OFFICE_HOURS, Instant.parse("2026-12-07T22:00:00Z"));
    var status = night.toStatus();

    assertThat(status.getWindow()).isEqualTo("nights");
    assertThat(status.getSince()).isEqualTo("2026-12-07T19:00:00Z");
    assertThat(status.getMinExecutionEnvironments()).isZero();
    assertThat(status.getMaxExecutionEnvironments()).isZero();
    assertThat(status.getNextWindow()).isEqualTo("days");
    assertThat(status.getNextChange()).isEqualTo("2026-12-08T06:00:00Z");
    var base = new Schedules.Settings(3, null, List.of(), false);
    assertThat(Schedules.effectiveScaling(base, Instant.EPOCH).toStatus().getWindow())
        .isEqualTo("base");
    var suspended = new Schedules.Settings(3, null, List.of(), true);
    var off = Schedules.effectiveScaling(suspended, Instant.EPOCH).toStatus();
    assertThat(off.getWindow()).isEqualTo("suspend");
    assertThat(off.getSince()).isNull();
    assertThat(off.getNextChange()).isNull();
  }

  @Test
  void anOperatorThatRequeuesAtEachChangeSeesEveryWindowAcrossTheSpringChange() {
    var seen = new ArrayList<String>();
    var now = Instant.parse("2026-03-26T12:00:00Z"); // Thursday, CET
    while (now.isBefore(Instant.parse("2026-04-01T00:00:00Z"))) {
      var effective = Schedules.effectiveScaling(OFFICE_HOURS, now);
      seen.add(effective.schedule() + "@" + now);
      now = effective.nextFiring();
    }
    assertThat(seen)
        .containsExactly(
            "days@2026-03-26T12:00:00Z",
            "nights@2026-03-26T19:00:00Z",
            "days@2026-03-27T06:00:00Z",
            "nights@2026-03-27T19:00:00Z",
            // The clocks go forward on Sunday 29 March: 07:00 and 20:00 are an hour earlier in UTC.
            "days@2026-03-30T05:00:00Z",
            "nights@2026-03-30T18:00:00Z",
            "days@2026-03-31T05:00:00Z",
            "nights@2026-03-31T18:00:00Z");
  }

  @Test
  void anOperatorThatWasDownDuringFiringsAppliesTheWindowInForceWhenItStarts() {
    // Down from Tuesday 18:00 to Thursday 09:00 (Berlin): it missed two firings of each schedule.
    var before = Schedules.effectiveScaling(OFFICE_HOURS, Instant.parse("2026-12-08T17:00:00Z"));
    var after = Schedules.effectiveScaling(OFFICE_HOURS, Instant.parse("2026-12-10T08:00:00Z"));

    assertThat(before.schedule()).isEqualTo("days");
    assertThat(after.schedule()).isEqualTo("days");
    assertThat(after.since()).isEqualTo(Instant.parse("2026-12-10T06:00:00Z"));
    var evening = Schedules.effectiveScaling(OFFICE_HOURS, Instant.parse("2026-12-10T22:00:00Z"));
    assertThat(evening.schedule()).isEqualTo("nights");
    assertThat(evening.deactivates()).isTrue();
  }

  @Test
  void withoutSchedulesTheBaseValuesApplyAndNothingIsRequeued() {
    var base = new Schedules.Settings(2, null, List.of(), false);

    assertThat(Schedules.effectiveScaling(base, Instant.parse("2026-12-07T12:00:00Z")))
        .isEqualTo(new EffectiveScaling(2, null, Source.BASE, null, null, null, null));
  }

  @Test
  void suspendWinsOverEverySchedule() {
    var suspended =
        new Schedules.Settings(OFFICE_HOURS.baseMin(), 10, OFFICE_HOURS.windows(), true);

    var effective = Schedules.effectiveScaling(suspended, Instant.parse("2026-12-07T12:00:00Z"));

    assertThat(effective)
        .isEqualTo(new EffectiveScaling(0, 0, Source.SUSPEND, null, null, null, null));
    assertThat(effective.deactivates()).isTrue();
    assertThat(effective.describe()).isEqualTo("spec.suspend: 0..0 execution environments");
  }

  @Test
  void ofTwoSchedulesFiringAtOneInstantTheLaterInTheListWins() {
    var a = window("a", "0 7 * * *", BERLIN, 1, 1);
    var b = window("b", "0 7 * * *", BERLIN, 2, 2);
    var now = Instant.parse("2026-12-07T06:00:00Z");

    assertThat(effective(now, a, b).schedule()).isEqualTo("b");
    assertThat(effective(now, b, a).schedule()).isEqualTo("a");
  }

  @Test
  void aFiringMovedOutOfTheSpringGapRanksBeforeOneWrittenAtTheGapsEnd() {
    // 02:30 does not exist on 29 March 2026 in Berlin: it fires at 03:00 CEST, with the 03:00 one.
    var early = window("early", "30 2 * * *", BERLIN, 5, 5);
    var late = window("late", "0 3 * * *", BERLIN, 7, 7);
    var gapEnd = Instant.parse("2026-03-29T01:00:00Z");

    assertThat(effective(gapEnd, early, late).schedule()).isEqualTo("late");
    assertThat(effective(gapEnd, late, early).schedule()).isEqualTo("late");
    var before = effective(gapEnd.minusSeconds(60), late, early);
    assertThat(before.nextFiring()).isEqualTo(gapEnd);
    assertThat(before.nextSchedule()).isEqualTo("late");
  }

  @Test
  void schedulesInDifferentZonesAreOrderedByTheInstantTheyFire() {
    var berlin = window("berlin", "0 7 * * *", BERLIN, 3, null); // 06:00Z in December
    var newYork = window("new-york", "0 2 * * *", "America/New_York", 5, null); // 07:00Z

    assertThat(effective(Instant.parse("2026-12-07T06:30:00Z"), berlin, newYork).schedule())
        .isEqualTo("berlin");
    var later = effective(Instant.parse("2026-12-07T07:30:00Z"), newYork, berlin);
    assertThat(later.schedule()).isEqualTo("new-york");
    assertThat(later.maxExecutionEnvironments()).isNull();
    assertThat(later.describe())
        .isEqualTo(
            "schedule new-york (since 2026-12-07T07:00:00Z): 5..unbounded execution environments");
  }

  @Test
  void readsTheSpecWithItsDefaults() {
    var nights = new ScalingScheduleSpec();
    nights.setName("nights");
    nights.setCron("0 20 * * *");
    nights.setMinExecutionEnvironments(0);
    nights.setMaxExecutionEnvironments(0);
    var scaling = new FunctionScalingSpec();
    scaling.setSchedules(List.of(nights));
    var spec = new LmiFunctionSpec();
    spec.setScaling(scaling);

    var settings = Schedules.settings(spec);

    assertThat(settings.baseMin()).isEqualTo(3);
    assertThat(settings.baseMax()).isNull();
    assertThat(settings.suspend()).isFalse();
    assertThat(settings.windows().get(0).cron().zone()).isEqualTo(ZoneId.of("UTC"));
    assertThat(Schedules.effectiveScaling(spec, Instant.parse("2026-12-07T21:00:00Z")).schedule())
        .isEqualTo("nights");
    assertThat(Schedules.effectiveScaling(new LmiFunctionSpec(), Instant.EPOCH).source())
        .isEqualTo(Source.BASE);
  }

  @Test
  void refusesASpecThatDidNotPassValidationNamingTheSchedule() {
    var bad = new ScalingScheduleSpec();
    bad.setName("nights");
    bad.setCron("0 20 ? * MON-FRI");
    var scaling = new FunctionScalingSpec();
    scaling.setSchedules(List.of(bad));
    var spec = new LmiFunctionSpec();
    spec.setScaling(scaling);

    assertThatThrownBy(() -> Schedules.settings(spec))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("schedule nights: day-of-month: '?'");
  }

  private static EffectiveScaling effective(Instant now, Window... windows) {
    return Schedules.effectiveScaling(
        new Schedules.Settings(3, null, List.of(windows), false), now);
  }
}
