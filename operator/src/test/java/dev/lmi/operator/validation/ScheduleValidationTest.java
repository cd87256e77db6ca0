package dev.lmi.operator.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lmi.operator.api.LmiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * spec.scaling.schedules and spec.suspend, as the API server, validate and the operator see them.
 */
class ScheduleValidationTest {
  private static final ObjectValidator VALIDATOR = new ObjectValidator();
  private static final String NIGHTS =
      "{name: nights, cron: '0 20 * * MON-FRI', timeZone: Europe/Berlin,"
          + " minExecutionEnvironments: 0, maxExecutionEnvironments: 0}";
  private static final String DAYS =
      "{name: days, cron: '0 7 * * MON-FRI', timeZone: Europe/Berlin,"
          + " minExecutionEnvironments: 3, maxExecutionEnvironments: 4}";

  private static ObjectNode function(String edits) {
    return Manifests.edit(Manifests.example("orders-list.yaml"), edits);
  }

  private static String schedules(String... entries) {
    return "spec.scaling.schedules=[" + String.join(", ", entries) + "]";
  }

  @Test
  void theIssuesExampleIsValid() {
    assertThat(VALIDATOR.validate(function(schedules(NIGHTS, DAYS) + ";spec.suspend=false")))
        .isEmpty();
  }

  @Test
  void aScheduleDefaultsToUtcAndSuspendToFalse() {
    var object = function(schedules("{name: n, cron: '@daily', minExecutionEnvironments: 1}"));

    var defaulted = VALIDATOR.withDefaults(object);

    assertThat(VALIDATOR.validate(object)).isEmpty();
    assertThat(defaulted.at("/spec/scaling/schedules/0/timeZone").asText()).isEqualTo("UTC");
    assertThat(defaulted.at("/spec/suspend").asBoolean(true)).isFalse();
  }

  static Stream<Arguments> brokenSchedules() {
    return Stream.of(
        Arguments.of(
            "EventBridge's '?'",
            schedules(NIGHTS.replace("0 20 * * MON-FRI", "0 20 ? * MON-FRI")),
            "spec.scaling.schedules[0].cron",
            "cron \"0 20 ? * MON-FRI\": day-of-month: '?' is EventBridge and Quartz syntax;"
                + " standard cron writes '*'"),
        Arguments.of(
            "six fields",
            schedules(DAYS, NIGHTS.replace("0 20 * * MON-FRI", "0 0 20 ? * MON-FRI")),
            "spec.scaling.schedules[1].cron",
            "6 fields: EventBridge and Quartz cron"),
        Arguments.of(
            "a minute out of range",
            schedules(NIGHTS.replace("0 20", "61 20")),
            "spec.scaling.schedules[0].cron",
            "minute: 61 is outside 0-59"),
        Arguments.of(
            "a day that never comes",
            schedules(NIGHTS.replace("0 20 * * MON-FRI", "0 20 30 2 *")),
            "spec.scaling.schedules[0].cron",
            "never fires"),
        Arguments.of(
            "a leap day on a Sunday",
            schedules(NIGHTS.replace("0 20 * * MON-FRI", "0 20 29 2 */7")),
            "spec.scaling.schedules[0].cron",
            "fires as rarely as every"),
        Arguments.of(
            "a zone that does not exist",
            schedules(NIGHTS.replace("Europe/Berlin", "Europe/Berlinn")),
            "spec.scaling.schedules[0].timeZone",
            "timeZone \"Europe/Berlinn\" is not an IANA time zone name (e.g. Europe/Berlin,"
                + " America/New_York, UTC)"),
        Arguments.of(
            "a zone in the wrong case",
            schedules(NIGHTS.replace("Europe/Berlin", "europe/berlin")),
            "spec.scaling.schedules[0].timeZone",
            "(did you mean Europe/Berlin?)"),
        Arguments.of(
            "an offset instead of a zone",
            schedules(NIGHTS.replace("Europe/Berlin", "'+01:00'")),
            "spec.scaling.schedules[0].timeZone",
            "does not match"),
        Arguments.of(
            "two schedules of one name",
            schedules(NIGHTS, DAYS.replace("name: days", "name: nights")),
            "spec.scaling.schedules",
            "schedule names must be unique"),
        Arguments.of(
            "min above max",
            schedules(DAYS.replace("maxExecutionEnvironments: 4", "maxExecutionEnvironments: 2")),
            "spec.scaling.schedules[0].minExecutionEnvironments",
            "minExecutionEnvironments 3 is more than maxExecutionEnvironments 2"),
        Arguments.of(
            "no cron",
            schedules("{name: n, minExecutionEnvironments: 1}"),
            "spec.scaling.schedules[0].cron",
            "required"),
        Arguments.of(
            "no minimum",
            schedules("{name: n, cron: '@daily'}"),
            "spec.scaling.schedules[0].minExecutionEnvironments",
            "required"),
        Arguments.of(
            "a name that is not a DNS label",
            schedules(NIGHTS.replace("name: nights", "name: Nights_1")),
            "spec.scaling.schedules[0].name",
            "does not match"),
        Arguments.of(
            "21 schedules",
            schedules(
                Stream.iterate(1, i -> i + 1)
                    .limit(21)
                    .map(i -> "{name: s" + i + ", cron: '@daily', minExecutionEnvironments: 1}")
                    .toArray(String[]::new)),
            "spec.scaling.schedules",
            "at most 20 items"),
        Arguments.of(
            "suspend as a word", "spec.suspend=maybe", "spec.suspend", "boolean expected"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenSchedules")
  void refusesABrokenScheduleAtItsField(String why, String edits, String path, String message) {
    var violations = VALIDATOR.validate(function(edits));

    assertThat(violations)
        .as(why)
        .anySatisfy(
            v -> {
              assertThat(v.path()).isEqualTo(path);
              assertThat(v.message()).contains(message);
            });
    // One message per broken field: the precise one replaces the CRD's generic shape rule.
    assertThat(violations.stream().filter(v -> v.path().equals(path)).count()).as(why).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"0 20 ? * MON-FRI", "61 20 * * MON-FRI", "*/0 20 * * *", "0 20 * * SUNDAY"})
  void theApiServersRuleAloneRefusesForeignSyntaxAndValuesOutOfRange(String cron) {
    // A real API server runs only the CRD's rules: its message must stand on its own.
    var object =
        VALIDATOR.withDefaults(function(schedules(NIGHTS.replace("0 20 * * MON-FRI", cron))));
    var schema = VALIDATOR.catalog().find("lmi.dev/v1alpha1", "LmiFunction").orElseThrow().schema();

    var cel = CelChecks.check(schema, object, null).violations();

    assertThat(cel)
        .extracting(Violation::path, Violation::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "spec.scaling.schedules[0].cron", dev.lmi.operator.api.ScheduleRules.CRON_MESSAGE));
  }

  @Test
  void theOperatorRefusesABrokenScheduleBeforeAnyAwsCall() throws Exception {
    var typed =
        new ObjectMapper()
            .treeToValue(
                function(schedules(NIGHTS.replace("Europe/Berlin", "Mars/Olympus_Mons"))),
                LmiFunction.class);

    assertThat(VALIDATOR.validateResource(typed, null))
        .extracting(Violation::path)
        .containsExactly("spec.scaling.schedules[0].timeZone");
  }
}
