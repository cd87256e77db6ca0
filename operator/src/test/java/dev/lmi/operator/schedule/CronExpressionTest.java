package dev.lmi.operator.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lmi.operator.api.ScheduleRules;
import java.time.LocalDate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CronExpressionTest {
  private static final Pattern CEL_SHAPE = Pattern.compile(ScheduleRules.CRON_SHAPE);

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          0 20 ? * MON-FRI        | day-of-month: '?' is EventBridge and Quartz syntax; standard cron writes '*'
          0 20 * * MON#2          | day-of-week: '#' (the nth weekday of a month) is EventBridge and Quartz syntax
          0 20 L * *              | day-of-month: 'L' (last) is EventBridge and Quartz syntax
          0 20 * * 5L             | day-of-week: 'L' (last) is EventBridge and Quartz syntax
          0 20 * * FRIL           | day-of-week: 'L' (last)
          0 20 15W * *            | day-of-month: 'W' (nearest weekday) is EventBridge and Quartz syntax
          0 0 20 * * ?            | 6 fields: EventBridge and Quartz cron (with seconds or a year) is not accepted
          0 20 * * MON-FRI 2026   | 6 fields: EventBridge and Quartz cron
          0 0 20 ? * MON-FRI 2026 | 7 fields: EventBridge and Quartz cron
          cron(0 20 ? * MON-FRI *) | EventBridge schedule expressions (cron(...), rate(...), at(...)) are not accepted
          rate(5 minutes)         | EventBridge schedule expressions
          60 * * * *              | minute: 60 is outside 0-59
          * 24 * * *              | hour: 24 is outside 0-23
          * * 0 * *               | day-of-month: 0 is outside 1-31
          * * 32 * *              | day-of-month: 32 is outside 1-31
          * * * 13 *              | month: 13 is outside 1-12
          * * * * 8               | day-of-week: 8 is outside 0-7
          * * * FOO *             | month: "FOO" is not a value of 1-12 or JAN-DEC
          * * * * MONDAY          | day-of-week: "MONDAY" is not a value of 0-7 or SUN-SAT
          * * MON * *             | day-of-month: "MON" is not a value of 1-31
          * * * * FRI-MON         | day-of-week: the range FRI-MON runs backwards
          30-10 * * * *           | minute: the range 30-10 runs backwards
          */0 * * * *             | minute: the step "/0" is not a number from 1 to 99
          */x * * * *             | minute: the step "/x" is not a number from 1 to 99
          1,,2 * * * *            | minute: "1,,2" has an empty item in its list
          -5 * * * *              | minute: "" is not a value of 0-59
          007 * * * *             | minute: "007" is not a value of 0-59
          @reboot                 | @reboot is not a macro this operator knows
          @every 5m               | @every 5m is not a macro this operator knows
          0 20 * *                | 4 fields: write the 5 fields minute hour day-of-month month day-of-week
          0                       | 1 field: write the 5 fields
          """)
  void refusesWhatIsNotStandardCronNamingTheField(String cron, String message) {
    assertThatThrownBy(() -> CronExpression.parse(cron))
        .isInstanceOf(CronSyntaxException.class)
        .hasMessageContaining(message);
  }

  @Test
  void refusesEmptyTabbedAndOverlongExpressions() {
    assertThatThrownBy(() -> CronExpression.parse(" ")).hasMessageContaining("empty");
    assertThatThrownBy(() -> CronExpression.parse(null)).hasMessageContaining("empty");
    assertThatThrownBy(() -> CronExpression.parse("0\t20 * * *"))
        .hasMessageContaining("separate the fields with spaces");
    assertThatThrownBy(() -> CronExpression.parse("0 " + "1,".repeat(60) + "2 * * *"))
        .hasMessageContaining("longer than 100 characters");
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          @daily              | 0 0 * * *
          @midnight           | 0 0 * * *
          @hourly             | 0 * * * *
          @weekly             | 0 0 * * 0
          @monthly            | 0 0 1 * *
          @yearly             | 0 0 1 1 *
          @annually           | 0 0 1 1 *
          0 0 * * 7           | 0 0 * * 0
          0 0 * * SUN         | 0 0 * * 0
          0 0 * * sun         | 0 0 * * 0
          0 0 * * FRI-SUN     | 0 0 * * 5,6,0
          0 0 * * 5-7         | 0 0 * * 0,5,6
          0 0 * * MON-FRI     | 0 0 * * 1-5
          5/15 * * * *        | 5-59/15 * * * *
          5/15 * * * *        | 5,20,35,50 * * * *
          */20 */6 * * *      | 0,20,40 0,6,12,18 * * *
          0 0 * jan,Feb *     | 0 0 * 1-2 *
          0 0 1 JAN-DEC *     | 0 0 1 * *
          '  0   7 * * *  '   | 0 7 * * *
          """)
  void readsEveryStandardFormAsCron8Does(String cron, String same) {
    assertThat(CronExpression.parse(cron)).isEqualTo(CronExpression.parse(same));
  }

  @Test
  void firesOnTheDaysItNames() {
    var weekdays = CronExpression.parse("0 20 * * MON-FRI");
    assertThat(weekdays.firesOn(LocalDate.of(2026, 12, 7))).isTrue(); // a Monday
    assertThat(weekdays.firesOn(LocalDate.of(2026, 12, 11))).isTrue(); // a Friday
    assertThat(weekdays.firesOn(LocalDate.of(2026, 12, 12))).isFalse(); // a Saturday
    assertThat(weekdays.minutesOfDay()).containsExactly(20 * 60);
  }

  @Test
  void aDayMatchingEitherRestrictedDayFieldFires() {
    // cron(8): when both day fields are restricted, either one matching is enough.
    var either = CronExpression.parse("0 0 13 * FRI");
    assertThat(either.firesOn(LocalDate.of(2026, 12, 13))).isTrue(); // a Sunday, the 13th
    assertThat(either.firesOn(LocalDate.of(2026, 12, 11))).isTrue(); // a Friday, the 11th
    assertThat(either.firesOn(LocalDate.of(2026, 12, 12))).isFalse();
  }

  @Test
  void aDayFieldStartingWithAStarMakesBothDayFieldsApply() {
    // cron(8) treats "*/2" as unrestricted for that rule: both fields must then match.
    var both = CronExpression.parse("0 0 */2 * FRI");
    assertThat(both.firesOn(LocalDate.of(2026, 12, 11))).isTrue(); // Friday the 11th (odd)
    assertThat(both.firesOn(LocalDate.of(2026, 12, 18))).isFalse(); // Friday the 18th (even)
    assertThat(both.firesOn(LocalDate.of(2026, 12, 13))).isFalse(); // Sunday the 13th
  }

  @ParameterizedTest(name = "{0}: {1} days")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          * * * * *          | 1
          0 20 * * MON-FRI   | 3
          0 0 1 1 *          | 366
          0 0 31 * *         | 61
          0 0 29 2 *         | 2921
          0 0 13 * */7       | 427
          """)
  void knowsTheLongestRunOfDaysBetweenFirings(String cron, int days) {
    assertThat(CronExpression.parse(cron).longestGapInDays()).hasValue(days);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0 0 30 2 *", "0 0 31 4,6,9,11 *", "0 0 31 2 */7"})
  void knowsWhenAnExpressionNeverFires(String cron) {
    assertThat(CronExpression.parse(cron).longestGapInDays()).isEmpty();
  }

  @Test
  void aLeapDayOnOneWeekdayIsRarerThanTheHorizon() {
    assertThat(CronExpression.parse("0 0 29 2 */7").longestGapInDays().getAsInt())
        .isGreaterThan(ZonedCron.HORIZON_DAYS);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0 20 * * MON-FRI",
        "*/15 9-17 * * 1-5",
        "5/15 * * * *",
        "0 0 1,15 JAN-jun *",
        "@daily",
        "@hourly",
        "  0 7 * * *  ",
        "0 0 * * 7"
      })
  void theApplyTimeShapeRuleAdmitsEveryExpressionTheOperatorReads(String cron) {
    CronExpression.parse(cron);
    assertThat(CEL_SHAPE.matcher(cron).matches()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "60 * * * *",
        "* 24 * * *",
        "* * 0 * *",
        "* * 32 * *",
        "* * * 13 *",
        "* * * * 8",
        "* * * FOO *",
        "* * * * MON-FOO",
        "*/0 * * * *",
        "0 0/100 * * *",
        "1-60 * * * *",
        "0 0 1 JAN SUNDAY"
      })
  void theApplyTimeShapeRuleRefusesValuesOutsideTheirFieldsRange(String cron) {
    assertThatThrownBy(() -> CronExpression.parse(cron)).isInstanceOf(CronSyntaxException.class);
    assertThat(CEL_SHAPE.matcher(cron).matches()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0 20 ? * MON-FRI",
        "0 20 * * MON#2",
        "0 20 L * *",
        "0 20 15W * *",
        "0 20 * * 5L",
        "0 0 20 * * ?",
        "0 20 * * MON-FRI 2026",
        "cron(0 20 * * ? *)",
        "rate(1 hour)",
        "@reboot",
        "0\t20 * * *",
        "0 20 * *"
      })
  void theApplyTimeShapeRuleRefusesForeignSyntax(String cron) {
    assertThat(CEL_SHAPE.matcher(cron).matches()).isFalse();
  }
}
