package dev.lmi.operator.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lmi.operator.api.RolloutPhase;
import dev.lmi.operator.api.RolloutSpec;
import dev.lmi.operator.api.RolloutStatus;
import dev.lmi.operator.aws.Gateways;
import dev.lmi.operator.rollout.RolloutDecision.Kind;
import dev.lmi.operator.testing.EmulatorAws;
import dev.lmi.operator.testing.MovableClock;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/**
 * The pure rollout logic with the real gateways against the emulator, looped as the reconciler will
 * loop it (observe the alias, decide, read CloudWatch when asked, write the alias, keep the status
 * as JSON): real invocations through the weighted alias, real per-version metrics, a real alarm.
 * CloudWatch's clock is moved by hand, so minutes pass at once.
 */
class RolloutOnEmulatorIT {
  private static final String FN = "orders-rollout";
  private static final String ALARM = "orders-rollout-health";

  @TempDir static Path codeDir;
  private static final MovableClock CLOCK = new MovableClock(Instant.parse("2026-12-01T09:00:10Z"));
  private static EmulatorAws aws;
  private static Gateways gateways;
  private String status;

  @BeforeAll
  static void start() {
    aws = EmulatorAws.start(codeDir, CLOCK, FN);
    gateways = aws.gateways();
    aws.errorsAlarm(ALARM, FN, 10_000.0);
  }

  @AfterAll
  static void stop() {
    aws.close();
  }

  @BeforeEach
  void stableOnVersionOne() {
    CLOCK.set(CLOCK.instant().plus(Duration.ofHours(1)));
    gateways.aliases().update(FN, "live", "1");
    aws.emulator().admin().clearInvocationFailures();
    status = null;
  }

  private static RolloutSpec spec() {
    return World.analysed(World.canary(10, "1m", 50, "1m"), List.of(ALARM), "0.05", 5);
  }

  @Test
  void aGoodCandidateIsPromotedThroughEveryStep() {
    assertThat(look().kind()).isEqualTo(Kind.START);
    assertThat(alias()).isEqualTo(Route.split("1", "2", 10));
    invoke(100);
    CLOCK.set(CLOCK.instant().plus(Duration.ofMinutes(1)));

    assertThat(look().kind()).isEqualTo(Kind.ADVANCE);
    assertThat(alias()).isEqualTo(Route.split("1", "2", 50));
    invoke(40);
    CLOCK.set(CLOCK.instant().plusSeconds(30));
    var held = look();
    assertThat(held.kind()).isEqualTo(Kind.HOLD);
    assertThat(held.message())
        .startsWith("step 2 of 2: version 2 takes 50% (stable 1); 1m pause until ");
    CLOCK.set(CLOCK.instant().plusSeconds(30));

    var done = look();
    assertThat(done.kind()).isEqualTo(Kind.PROMOTE);
    assertThat(alias()).isEqualTo(Route.single("2"));
    assertThat(stored().getPhase()).isEqualTo(RolloutPhase.Succeeded);
  }

  @Test
  void aCandidateThatFailsAShareOfRequestsIsRolledBackByItsErrorRate() {
    look();
    aws.emulator().admin().failInvocations(FN, "2", 0.3, 7);
    invoke(150);

    var d = look();

    assertThat(d.kind()).isEqualTo(Kind.ROLL_BACK);
    assertThat(alias()).isEqualTo(Route.single("1"));
    assertThat(d.message())
        .startsWith("rolled back: error rate 0.")
        .contains(" invocations of version 2 since ", "above maxErrorRate 0.05");
    var s = stored();
    assertThat(s.getPhase()).isEqualTo(RolloutPhase.RolledBack);
    assertThat(s.getErrors()).isPositive();
    assertThat((double) s.getErrors() / s.getInvocations()).isGreaterThan(0.05);
  }

  @Test
  void aTrippedAlarmRollsBack() {
    look();
    invoke(20);
    aws.cloudwatch()
        .setAlarmState(
            r -> r.alarmName(ALARM).stateValue(StateValue.ALARM).stateReason("5xx above 1%"));

    var d = look();

    assertThat(d.kind()).isEqualTo(Kind.ROLL_BACK);
    assertThat(d.message()).isEqualTo("rolled back: alarm " + ALARM + " is in ALARM: 5xx above 1%");
    assertThat(alias()).isEqualTo(Route.single("1"));
  }

  /** One reconcile: observe, decide, read when asked, decide again, write alias and status. */
  private RolloutDecision look() {
    var view = gateways.aliases().get(FN, "live").orElseThrow();
    var observed = Route.observed(view.version(), view.additionalVersionWeights());
    var in =
        new RolloutInput(
            RolloutPlan.of(spec()),
            RolloutState.from(stored()),
            Candidate.ready("2", "hash-2"),
            observed,
            null,
            Command.NONE,
            CLOCK.instant());
    var d = Rollouts.decide(in);
    if (d.kind() == Kind.READ) {
      var r = d.read();
      var alarms = gateways.metrics().alarmStates(r.alarms());
      var counts =
          r.metrics()
              ? gateways.metrics().versionInvocations(FN, "live", r.version(), r.from(), r.to())
              : null;
      d = Rollouts.decide(in.withReadings(new Readings(alarms, counts)));
    }
    if (d.route() != null && !d.route().equals(observed)) {
      if (d.route().weighted()) {
        gateways
            .aliases()
            .route(FN, "live", d.route().version(), d.route().canaryVersion(), d.route().weight());
      } else {
        gateways.aliases().update(FN, "live", d.route().version());
      }
    }
    if (d.state() != null) {
      status = Serialization.asJson(d.state().toStatus());
    }
    return d;
  }

  private RolloutStatus stored() {
    return status == null ? null : Serialization.unmarshal(status, RolloutStatus.class);
  }

  private static Route alias() {
    var view = gateways.aliases().get(FN, "live").orElseThrow();
    return Route.observed(view.version(), view.additionalVersionWeights());
  }

  private static void invoke(int n) {
    for (var i = 0; i < n; i++) {
      aws.invoke(FN);
    }
  }
}
