package dev.lmi.operator.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lmi.emulator.Faults;
import dev.lmi.operator.rollout.Route;
import dev.lmi.operator.testing.EmulatorAws;
import dev.lmi.operator.testing.MovableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/**
 * The CloudWatch gateway and weighted routing against the emulator's Lambda and CloudWatch: real
 * invocations of a weighted alias, a share of the candidate's failed by the emulator, read back per
 * executed version and compared with what the invocations themselves answered.
 */
class MetricsGatewayIT {
  private static final Instant T0 = Instant.parse("2026-12-01T12:00:20Z");
  private static final String FN = "orders-list";

  @TempDir static Path codeDir;
  private static final MovableClock CLOCK = new MovableClock(T0);
  private static EmulatorAws aws;
  private static Gateways gateways;

  @BeforeAll
  static void start() {
    aws = EmulatorAws.start(codeDir, CLOCK, FN);
    gateways = aws.gateways();
  }

  @AfterAll
  static void stop() {
    aws.close();
  }

  @Test
  void countsTheCandidatesInvocationsAndErrorsAsTheInvocationsThemselvesSaw() {
    var base = T0.plus(Duration.ofHours(1));
    CLOCK.set(base);
    gateways.aliases().route(FN, "live", "1", "2", 30);
    aws.emulator().admin().failInvocations(FN, "2", 0.25, 7);
    var seen = invoke(200);
    aws.emulator().admin().clearInvocationFailures();

    var two = gateways.metrics().versionInvocations(FN, "live", "2", base, base.plusSeconds(120));
    var one = gateways.metrics().versionInvocations(FN, "live", "1", base, base.plusSeconds(120));

    assertThat(seen.get("2 invocations")).isBetween(30L, 90L);
    assertThat(seen.get("2 errors")).isPositive();
    assertThat(two.invocations()).isEqualTo(seen.get("2 invocations"));
    assertThat(two.errors()).isEqualTo(seen.get("2 errors"));
    assertThat(one.invocations()).isEqualTo(seen.get("1 invocations"));
    assertThat(one.errors()).isZero();
    assertThat(two.from())
        .as("rounded down to the minute")
        .isEqualTo(Instant.parse("2026-12-01T13:00:00Z"));
  }

  @Test
  void countsOnlyTheWindowAsked() {
    CLOCK.set(T0.plus(Duration.ofMinutes(10)));
    gateways.aliases().route(FN, "live", "1", "2", 50);
    var before =
        gateways
            .metrics()
            .versionInvocations(
                FN, "live", "2", T0.plus(Duration.ofMinutes(10)), CLOCK.instant().plusSeconds(60));
    CLOCK.set(T0.plus(Duration.ofMinutes(12)));
    var seen = invoke(40);

    var window =
        gateways
            .metrics()
            .versionInvocations(FN, "live", "2", CLOCK.instant(), CLOCK.instant().plusSeconds(60));

    assertThat(before.invocations()).isZero();
    assertThat(window.invocations()).isEqualTo(seen.get("2 invocations")).isPositive();
  }

  @Test
  void reportsEachNamedAlarmInOrderAndAMissingOneAsMissing() {
    var names = new ArrayList<String>();
    for (var i = 0; i < 130; i++) {
      var name = "rollout-" + i;
      names.add(name);
      aws.errorsAlarm(name, FN, 1000.0);
    }
    aws.cloudwatch()
        .setAlarmState(
            r ->
                r.alarmName("rollout-7")
                    .stateValue(StateValue.ALARM)
                    .stateReason("tripped by the test"));
    names.add(3, "no-such-alarm");

    var states = gateways.metrics().alarmStates(names);

    assertThat(states).extracting(AlarmView::name).containsExactlyElementsOf(names);
    assertThat(states.get(3).missing()).isTrue();
    assertThat(states.get(8))
        .isEqualTo(new AlarmView("rollout-7", AlarmView.State.ALARM, "tripped by the test"));
    assertThat(states).filteredOn(AlarmView::inAlarm).hasSize(1);
    assertThat(states).filteredOn(AlarmView::missing).hasSize(1);
  }

  @Test
  void routesAndReadsBackAWeightedAliasAndClearsIt() {
    var split = gateways.aliases().route(FN, "live", "1", "2", 10);
    assertThat(Route.observed(split.version(), split.additionalVersionWeights()))
        .isEqualTo(Route.split("1", "2", 10));
    var read = gateways.aliases().get(FN, "live").orElseThrow();
    assertThat(Route.observed(read.version(), read.additionalVersionWeights()))
        .isEqualTo(Route.split("1", "2", 10));

    var single = gateways.aliases().update(FN, "live", "1");

    assertThat(Route.observed(single.version(), single.additionalVersionWeights()))
        .isEqualTo(Route.single("1"));
  }

  @Test
  void awsRefusesAWeightedAliasToTheSameVersionOrToLatest() {
    assertThatThrownBy(() -> gateways.aliases().route(FN, "live", "1", "1", 10))
        .isInstanceOf(AwsTerminalException.class)
        .hasMessageContaining("already included in routing configuration");
    assertThatThrownBy(() -> gateways.aliases().route(FN, "live", "1", "$LATEST", 10))
        .isInstanceOf(AwsTerminalException.class);
    assertThatThrownBy(() -> gateways.aliases().route(FN, "live", "1", "9", 10))
        .isInstanceOf(RuntimeException.class);
  }

  @Test
  void throttlingAndServerErrorsAreRetryableAndNamed() {
    aws.emulator().admin().setFaults("GetMetricData", Faults.throttles(1.0, 1));
    aws.emulator().admin().setFaults("DescribeAlarms", Faults.serverErrors(1.0, 1));
    try {
      assertThatThrownBy(
              () -> gateways.metrics().versionInvocations(FN, "live", "2", T0, T0.plusSeconds(60)))
          .isInstanceOf(AwsRetryableException.class)
          .hasMessageStartingWith("GetMetricData: Throttling");
      assertThatThrownBy(() -> gateways.metrics().alarmStates(List.of("x")))
          .isInstanceOf(AwsRetryableException.class)
          .hasMessageStartingWith("DescribeAlarms: InternalServiceError");
    } finally {
      aws.emulator().admin().clearFaults();
    }
  }

  /** Invokes the alias n times; counts by executed version, e.g. "2 invocations", "2 errors". */
  private static Map<String, Long> invoke(int n) {
    var seen =
        new HashMap<String, Long>(
            Map.of("1 invocations", 0L, "2 invocations", 0L, "1 errors", 0L, "2 errors", 0L));
    for (var i = 0; i < n; i++) {
      var r = aws.invoke(FN);
      seen.merge(r.executedVersion() + " invocations", 1L, Long::sum);
      if (r.functionError() != null) {
        seen.merge(r.executedVersion() + " errors", 1L, Long::sum);
      }
    }
    return seen;
  }
}
