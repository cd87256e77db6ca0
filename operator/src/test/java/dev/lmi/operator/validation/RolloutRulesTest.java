package dev.lmi.operator.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * spec.rollout as the API server judges it at apply time (schema and CEL, through the offline
 * validator that runs the CRD's own rules): each row sets spec.rollout on the shipped function and
 * lists exactly the violations expected, none for a valid rollout.
 */
class RolloutRulesTest {
  private static final String CANARY =
      "{strategy: Canary, steps: [{weight: 10, pause: 5m}, {weight: 50, pause: 5m}]}";
  private static ObjectValidator validator;

  @BeforeAll
  static void loadCrds() {
    validator = new ObjectValidator();
  }

  static Stream<Arguments> rows() {
    return Stream.of(
        valid("no rollout at all", "spec.rollout-"),
        valid("an empty rollout is AllAtOnce", "spec.rollout={}"),
        valid("AllAtOnce spelled out", "spec.rollout={strategy: AllAtOnce}"),
        valid("the issue's canary", "spec.rollout=" + CANARY),
        valid(
            "a canary with the issue's analysis",
            "spec.rollout="
                + CANARY
                + ";spec.rollout.analysis={alarms: [orders-list-5xx], maxErrorRate: \"0.01\", minInvocations: 20}"),
        valid(
            "the issue's linear rollout",
            "spec.rollout={strategy: Linear, linear: {increment: 20, interval: 2m}}"),
        valid(
            "one step of 99 % for 24h",
            "spec.rollout={strategy: Canary, steps: [{weight: 99, pause: 24h}]}"),
        valid(
            "durations with hours, minutes and seconds",
            "spec.rollout={strategy: Canary, steps: [{weight: 1, pause: 1s}, {weight: 2, pause: 1h30m}, {weight: 3, pause: 23h59m59s}, {weight: 4, pause: 90m}]}"),
        valid(
            "maxErrorRate 0 and 1",
            "spec.rollout=" + CANARY + ";spec.rollout.analysis={maxErrorRate: \"0\"}"),
        valid(
            "maxErrorRate 1.0",
            "spec.rollout=" + CANARY + ";spec.rollout.analysis={maxErrorRate: \"1.0\"}"),
        valid("twenty steps", "spec.rollout={strategy: Canary, steps: " + steps(20) + "}"),
        valid(
            "ten alarms",
            "spec.rollout="
                + CANARY
                + ";spec.rollout.analysis={alarms: [a1, a2, a3, a4, a5, a6, a7, a8, a9, a10]}"),
        invalid(
            "Canary without steps",
            "spec.rollout={strategy: Canary}",
            "spec.rollout.steps: strategy Canary needs steps, e.g. [{weight: 10, pause: 5m}, {weight: 50, pause: 5m}]"),
        invalid(
            "steps without Canary (AllAtOnce by default)",
            "spec.rollout={steps: [{weight: 10, pause: 5m}]}",
            "spec.rollout.steps: steps are for strategy Canary: set strategy: Canary, or remove steps"),
        invalid(
            "steps with Linear",
            "spec.rollout={strategy: Linear, linear: {increment: 20, interval: 2m}, steps: [{weight: 10, pause: 5m}]}",
            "spec.rollout.steps: steps are for strategy Canary: set strategy: Canary, or remove steps"),
        invalid(
            "Linear without linear",
            "spec.rollout={strategy: Linear}",
            "spec.rollout.linear: strategy Linear needs linear, e.g. {increment: 20, interval: 2m}"),
        invalid(
            "linear with Canary",
            "spec.rollout=" + CANARY + ";spec.rollout.linear={increment: 20, interval: 2m}",
            "spec.rollout.linear: linear is for strategy Linear: set strategy: Linear, or remove linear"),
        invalid(
            "analysis with AllAtOnce",
            "spec.rollout={strategy: AllAtOnce, analysis: {alarms: [x]}}",
            "spec.rollout.analysis: analysis is for strategies Canary and Linear: AllAtOnce moves all traffic at once"),
        invalid(
            "weights that fall",
            "spec.rollout={strategy: Canary, steps: [{weight: 50, pause: 5m}, {weight: 10, pause: 5m}]}",
            "spec.rollout.steps: step weights must increase strictly, each above the one before: 50, 10"),
        invalid(
            "a weight repeated",
            "spec.rollout={strategy: Canary, steps: [{weight: 10, pause: 5m}, {weight: 20, pause: 5m}, {weight: 20, pause: 5m}]}",
            "spec.rollout.steps: step weights must increase strictly, each above the one before: 10, 20, 20"),
        invalid(
            "weights that fall at the twentieth step",
            "spec.rollout={strategy: Canary, steps: "
                + steps(19).replace("]", ", {weight: 1, pause: 1s}]")
                + "}",
            "spec.rollout.steps: step weights must increase strictly, each above the one before: "
                + weights(19)
                + ", 1"),
        invalid(
            "weight 0",
            "spec.rollout={strategy: Canary, steps: [{weight: 0, pause: 5m}]}",
            "spec.rollout.steps[0].weight: invalid value 0: must have a minimum value of 1"),
        invalid(
            "weight 100",
            "spec.rollout={strategy: Canary, steps: [{weight: 100, pause: 5m}]}",
            "spec.rollout.steps[0].weight: invalid value 100: must have a maximum value of 99"),
        invalid(
            "an empty list of steps",
            "spec.rollout={strategy: Canary, steps: []}",
            "spec.rollout.steps: must have at least 1 items but found 0"),
        invalid(
            "twenty-one steps",
            "spec.rollout={strategy: Canary, steps: " + steps(21) + "}",
            "spec.rollout.steps: must have at most 20 items but found 21"),
        invalid(
            "a step without a pause",
            "spec.rollout={strategy: Canary, steps: [{weight: 10}]}",
            "spec.rollout.steps[0].pause: required field is missing"),
        invalid(
            "a pause of 0s",
            "spec.rollout={strategy: Canary, steps: [{weight: 10, pause: 0s}]}",
            "spec.rollout.steps[0].pause: pause 0s is not between 1s and 24h"),
        invalid(
            "a pause of 25h",
            "spec.rollout={strategy: Canary, steps: [{weight: 10, pause: 25h}]}",
            "spec.rollout.steps[0].pause: pause 25h is not between 1s and 24h"),
        invalid(
            "a pause of 24h1s",
            "spec.rollout={strategy: Canary, steps: [{weight: 10, pause: 24h0m1s}]}",
            "spec.rollout.steps[0].pause: pause 24h0m1s is not between 1s and 24h"),
        invalid(
            "a pause in days",
            "spec.rollout={strategy: Canary, steps: [{weight: 10, pause: 1d}]}",
            "spec.rollout.steps[0].pause: a duration of hours, minutes and seconds, such as 30s, 5m, 1h or 1h30m"),
        invalid(
            "a pause in milliseconds",
            "spec.rollout={strategy: Canary, steps: [{weight: 10, pause: 500ms}]}",
            "spec.rollout.steps[0].pause: a duration of hours, minutes and seconds, such as 30s, 5m, 1h or 1h30m"),
        invalid(
            "a pause with units out of order",
            "spec.rollout={strategy: Canary, steps: [{weight: 10, pause: 30s5m}]}",
            "spec.rollout.steps[0].pause: a duration of hours, minutes and seconds, such as 30s, 5m, 1h or 1h30m"),
        invalid(
            "a pause without a unit",
            "spec.rollout={strategy: Canary, steps: [{weight: 10, pause: \"300\"}]}",
            "spec.rollout.steps[0].pause: a duration of hours, minutes and seconds, such as 30s, 5m, 1h or 1h30m"),
        invalid(
            "a negative pause",
            "spec.rollout={strategy: Canary, steps: [{weight: 10, pause: -5m}]}",
            "spec.rollout.steps[0].pause: a duration of hours, minutes and seconds, such as 30s, 5m, 1h or 1h30m"),
        invalid(
            "an interval of 0s",
            "spec.rollout={strategy: Linear, linear: {increment: 20, interval: 0m}}",
            "spec.rollout.linear.interval: interval 0m is not between 1s and 24h"),
        invalid(
            "an increment of 4 (more than 20 steps)",
            "spec.rollout={strategy: Linear, linear: {increment: 4, interval: 1m}}",
            "spec.rollout.linear.increment: invalid value 4: must have a minimum value of 5"),
        invalid(
            "an increment of 100",
            "spec.rollout={strategy: Linear, linear: {increment: 100, interval: 1m}}",
            "spec.rollout.linear.increment: invalid value 100: must have a maximum value of 99"),
        invalid(
            "linear without an interval",
            "spec.rollout={strategy: Linear, linear: {increment: 20}}",
            "spec.rollout.linear.interval: required field is missing"),
        invalid(
            "maxErrorRate above 1",
            "spec.rollout=" + CANARY + ";spec.rollout.analysis={maxErrorRate: \"1.5\"}",
            "spec.rollout.analysis.maxErrorRate: maxErrorRate is a decimal from 0 to 1 with at most 6 places, e.g. \"0.01\" (1 %)"),
        invalid(
            "maxErrorRate as a percentage",
            "spec.rollout=" + CANARY + ";spec.rollout.analysis={maxErrorRate: 1%}",
            "spec.rollout.analysis.maxErrorRate: maxErrorRate is a decimal from 0 to 1 with at most 6 places, e.g. \"0.01\" (1 %)"),
        invalid(
            "maxErrorRate negative",
            "spec.rollout=" + CANARY + ";spec.rollout.analysis={maxErrorRate: \"-0.1\"}",
            "spec.rollout.analysis.maxErrorRate: maxErrorRate is a decimal from 0 to 1 with at most 6 places, e.g. \"0.01\" (1 %)"),
        invalid(
            "maxErrorRate as a YAML number",
            "spec.rollout=" + CANARY + ";spec.rollout.analysis={maxErrorRate: 0.01}",
            "spec.rollout.analysis.maxErrorRate: invalid value 0.01: number found, string expected"),
        invalid(
            "minInvocations negative",
            "spec.rollout=" + CANARY + ";spec.rollout.analysis={minInvocations: -1}",
            "spec.rollout.analysis.minInvocations: invalid value -1: must have a minimum value of 0"),
        invalid(
            "eleven alarms",
            "spec.rollout="
                + CANARY
                + ";spec.rollout.analysis={alarms: [a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11]}",
            "spec.rollout.analysis.alarms: must have at most 10 items but found 11"),
        invalid(
            "an alarm named twice",
            "spec.rollout=" + CANARY + ";spec.rollout.analysis={alarms: [a, b, a]}",
            "spec.rollout.analysis.alarms: alarms names an alarm twice"),
        invalid(
            "an empty alarm name",
            "spec.rollout=" + CANARY + ";spec.rollout.analysis={alarms: [\"\"]}",
            "spec.rollout.analysis.alarms[0]: invalid value \"\": must be at least 1 characters long"),
        invalid(
            "an alarm name of 256 characters",
            "spec.rollout=" + CANARY + ";spec.rollout.analysis={alarms: [" + "a".repeat(256) + "]}",
            "spec.rollout.analysis.alarms[0]: invalid value \""
                + "a".repeat(79)
                + "…\" (256 characters): must be at most 255 characters long"),
        invalid(
            "an alarm name with a control character",
            "spec.rollout=" + CANARY + ";spec.rollout.analysis={alarms: [\"bad\\tname\"]}",
            "spec.rollout.analysis.alarms[0]: invalid value \"bad\\tname\": does not match the regex pattern ^[^\\x00-\\x1F\\x7F]*\\z"),
        invalid(
            "an unknown strategy",
            "spec.rollout={strategy: BlueGreen}",
            "spec.rollout.strategy: invalid value \"BlueGreen\": does not have a value in the enumeration [\"AllAtOnce\", \"Canary\", \"Linear\"]"),
        invalid(
            "a misspelt field",
            "spec.rollout={strategy: Canary, step: [{weight: 10, pause: 5m}]}",
            "spec.rollout.step: unknown field \"step\" (did you mean steps?)",
            "spec.rollout.steps: strategy Canary needs steps, e.g. [{weight: 10, pause: 5m}, {weight: 50, pause: 5m}]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void judgesTheRolloutAsTheApiServerWould(String name, String edits, List<String> expected) {
    var object = Manifests.edit(Manifests.example("orders-list.yaml"), edits);

    var violations =
        validator.validate(object).stream().map(v -> v.path() + ": " + v.message()).toList();

    assertThat(violations).as(name).containsExactlyInAnyOrderElementsOf(expected);
  }

  private static Arguments valid(String name, String edits) {
    return Arguments.of(name, edits, List.of());
  }

  private static Arguments invalid(String name, String edits, String... expected) {
    return Arguments.of(name, edits, List.of(expected));
  }

  /** n steps of strictly increasing weights 1..n, one second each. */
  private static String steps(int n) {
    var out = new StringBuilder("[");
    for (var i = 1; i <= n; i++) {
      out.append(i == 1 ? "" : ", ").append("{weight: ").append(i).append(", pause: 1s}");
    }
    return out.append("]").toString();
  }

  private static String weights(int n) {
    var out = new StringBuilder();
    for (var i = 1; i <= n; i++) {
      out.append(i == 1 ? "" : ", ").append(i);
    }
    return out.toString();
  }
}
