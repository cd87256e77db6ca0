package dev.lmi.operator.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ZonedCronTest {

  private static ZonedCron cron(String expression, String zone) {
    return new ZonedCron(CronExpression.parse(expression), ZoneId.of(zone));
  }

  @ParameterizedTest(name = "{0} in {1}, last at or before {2}: {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # expression     | zone             | now                  | fired at             | written at          | moved
          0 20 * * MON-FRI | Europe/Berlin    | 2026-12-07T19:00:00Z | 2026-12-07T19:00:00Z | 2026-12-07T20:00    | false
          0 20 * * MON-FRI | Europe/Berlin    | 2026-12-07T18:59:59Z | 2026-12-04T19:00:00Z | 2026-12-04T20:00    | false
          0 20 * * MON-FRI | Europe/Berlin    | 2026-12-13T12:00:00Z | 2026-12-11T19:00:00Z | 2026-12-11T20:00    | false
          0 20 * * MON-FRI | Europe/Berlin    | 2026-03-30T18:30:00Z | 2026-03-30T18:00:00Z | 2026-03-30T20:00    | false
          0 20 * * MON-FRI | Europe/Berlin    | 2026-03-30T17:59:00Z | 2026-03-27T19:00:00Z | 2026-03-27T20:00    | false
          30 2 * * *       | Europe/Berlin    | 2026-03-29T01:10:00Z | 2026-03-29T01:00:00Z | 2026-03-29T02:30    | true
          30 2 * * *       | Europe/Berlin    | 2026-03-29T00:59:00Z | 2026-03-28T01:30:00Z | 2026-03-28T02:30    | false
          30 2 * * *       | Europe/Berlin    | 2026-10-25T01:45:00Z | 2026-10-25T00:30:00Z | 2026-10-25T02:30    | false
          0 2 * * *        | America/New_York | 2026-03-08T07:00:00Z | 2026-03-08T07:00:00Z | 2026-03-08T02:00    | true
          30 1 * * *       | America/New_York | 2026-11-01T07:00:00Z | 2026-11-01T05:30:00Z | 2026-11-01T01:30    | false
          0 0 29 2 *       | UTC              | 2027-06-01T00:00:00Z | 2024-02-29T00:00:00Z | 2024-02-29T00:00    | false
          """)
  void firesLastAtTheInstantItsWrittenTimeHadThen(
      String expression,
      String zone,
      Instant now,
      Instant firedAt,
      LocalDateTime written,
      boolean moved) {
    assertThat(cron(expression, zone).lastAtOrBefore(now))
        .hasValue(new Firing(firedAt, written, moved));
  }

  @ParameterizedTest(name = "{0} in {1}, next after {2}: {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # expression     | zone             | now                  | fires at             | written at          | moved
          0 7 * * MON-FRI  | Europe/Berlin    | 2026-12-04T19:00:00Z | 2026-12-07T06:00:00Z | 2026-12-07T07:00    | false
          0 7 * * MON-FRI  | Europe/Berlin    | 2026-12-07T06:00:00Z | 2026-12-08T06:00:00Z | 2026-12-08T07:00    | false
          0 7 * * MON-FRI  | Europe/Berlin    | 2026-03-27T07:00:00Z | 2026-03-30T05:00:00Z | 2026-03-30T07:00    | false
          30 2 * * *       | Europe/Berlin    | 2026-03-29T00:00:00Z | 2026-03-29T01:00:00Z | 2026-03-29T02:30    | true
          30 2 * * *       | Europe/Berlin    | 2026-10-25T00:30:00Z | 2026-10-26T01:30:00Z | 2026-10-26T02:30    | false
          30 2 * * *       | Europe/Berlin    | 2026-10-24T23:00:00Z | 2026-10-25T00:30:00Z | 2026-10-25T02:30    | false
          30 1 * * *       | America/New_York | 2026-11-01T05:30:00Z | 2026-11-02T06:30:00Z | 2026-11-02T01:30    | false
          0 0 29 2 *       | UTC              | 2097-03-01T00:00:00Z | 2104-02-29T00:00:00Z | 2104-02-29T00:00    | false
          """)
  void firesNextAtTheInstantItsWrittenTimeWillHave(
      String expression,
      String zone,
      Instant now,
      Instant firesAt,
      LocalDateTime written,
      boolean moved) {
    assertThat(cron(expression, zone).nextAfter(now)).hasValue(new Firing(firesAt, written, moved));
  }

  @ParameterizedTest(name = "{0} in {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          */30 * * * *     | Europe/Berlin
          30 2 * * *       | Europe/Berlin
          0 20 * * MON-FRI | Europe/Berlin
          15 1 * * SUN     | America/New_York
          0 0 1 * *        | Australia/Lord_Howe
          45 23 * * *      | Pacific/Chatham
          """)
  void lastAndNextBracketEveryInstantOfAYearOfDaylightSavingChanges(
      String expression, String zone) {
    var cron = cron(expression, zone);
    // Lord Howe shifts by half an hour and Chatham by 45 minutes: odd gaps and overlaps too.
    for (var now = Instant.parse("2026-01-01T00:07:00Z");
        now.isBefore(Instant.parse("2027-01-01T00:00:00Z"));
        now = now.plus(Duration.ofMinutes(97))) {
      var last = cron.lastAtOrBefore(now).orElseThrow();
      var next = cron.nextAfter(now).orElseThrow();
      assertThat(last.at()).isBeforeOrEqualTo(now);
      assertThat(next.at()).isAfter(now);
      // Nothing fires between the two: the firing after the last is the next one.
      assertThat(cron.nextAfter(last.at()).orElseThrow().at()).isEqualTo(next.at());
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Europe/Berlin    | 2026-10-25T00:00:00Z | 2026-10-25T03:00:00Z | 4
          America/New_York | 2026-11-01T04:00:00Z | 2026-11-01T07:00:00Z | 4
          """)
  void aRepeatedHourFiresOnce(String zone, Instant from, Instant to, int firings) {
    // Every 30 minutes over three hours of UTC: six firings on another night, but the clocks go
    // back an hour here, and the repeated half hours fire only the first time.
    var cron = cron("*/30 * * * *", zone);
    var count = 0;
    for (var at = cron.nextAfter(from.minusSeconds(1));
        at.isPresent() && at.get().at().isBefore(to);
        at = cron.nextAfter(at.get().at())) {
      count++;
    }
    assertThat(count).isEqualTo(firings);
  }
}
