package dev.lmi.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lmi.operator.api.LmiFunction;
import dev.lmi.operator.api.LmiFunctionStatus;
import dev.lmi.operator.status.Conditions;
import dev.lmi.operator.status.Outcome;
import dev.lmi.operator.status.Reason;
import dev.lmi.operator.testing.Resources;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class StatusStoreTest {
  private static final Duration POLL = Duration.ofMillis(200);

  KubernetesClient client;
  private final SteppingClock clock = new SteppingClock();
  private final StatusStore<LmiFunctionStatus> store =
      new StatusStore<>(LmiFunctionStatus.class, clock);
  private LmiFunction fn;

  @BeforeEach
  void createFunction() {
    fn = client.resource(Resources.function("orders", "list-orders", "pool")).create();
  }

  @Test
  void holdsStepsThePollLeavesBehindAndWritesWhereTheyLed() {
    finish(Outcome.waiting(Reason.Creating, "being created", POLL), "arn:fn");
    finish(Outcome.waiting(Reason.ScalingInProgress, "scaling", POLL), "arn:fn");
    assertThat(stored().getStatus()).isNull();

    finish(Outcome.ready("serving", Duration.ofMinutes(10)), "arn:fn");

    var status = stored().getStatus();
    assertThat(Conditions.readyReason(status.getConditions())).isEqualTo("Ready");
    assertThat(status.getFunctionArn()).isEqualTo("arn:fn");
    assertThat(stored().getMetadata().getResourceVersion())
        .as("one status write for three steps")
        .isEqualTo(String.valueOf(Long.parseLong(fn.getMetadata().getResourceVersion()) + 1));
  }

  @Test
  void aReconcileStartsFromTheHeldStatus() {
    finish(Outcome.waiting(Reason.Creating, "being created", POLL), "arn:fn");

    var current = store.current(fn);

    assertThat(current.getFunctionArn()).isEqualTo("arn:fn");
    assertThat(Conditions.readyReason(current.getConditions())).isEqualTo("Creating");
  }

  @Test
  void writesAWaitingStepWhenTheNextPollFindsItStillThere() {
    finish(Outcome.waiting(Reason.Publishing, "version 1 is Pending", POLL), "arn:fn");
    assertThat(stored().getStatus()).isNull();

    clock.advance(POLL);
    finish(Outcome.waiting(Reason.Publishing, "version 1 is Pending", POLL), "arn:fn");

    assertThat(Conditions.readyReason(stored().getStatus().getConditions()))
        .isEqualTo("Publishing");
  }

  @Test
  void writesStepsHeldForASecondThoughEachPollFindsAnotherStep() {
    finish(Outcome.waiting(Reason.Creating, "being created", POLL), "arn:fn");
    clock.advance(Duration.ofMillis(600));
    finish(Outcome.waiting(Reason.Publishing, "starting", POLL), "arn:fn");
    assertThat(stored().getStatus()).isNull();

    clock.advance(Duration.ofMillis(400));
    finish(Outcome.waiting(Reason.ScalingInProgress, "scaling", POLL), "arn:fn");

    assertThat(Conditions.readyReason(stored().getStatus().getConditions()))
        .isEqualTo("ScalingInProgress");
  }

  @Test
  void writesAtOnceWhatThePollDoesNotEnd() {
    finish(Outcome.waiting(Reason.WaitingForProvider, "provider pool is not Ready", null), null);
    assertThat(Conditions.readyReason(stored().getStatus().getConditions()))
        .isEqualTo("WaitingForProvider");

    finish(Outcome.waiting(Reason.Updating, "applying", Duration.ofSeconds(30)), null);
    assertThat(Conditions.readyReason(stored().getStatus().getConditions())).isEqualTo("Updating");

    finish(Outcome.terminal(Reason.VersionFailed, "version 1 failed"), null);
    assertThat(Conditions.readyReason(stored().getStatus().getConditions()))
        .isEqualTo("VersionFailed");
  }

  @Test
  void aDirectWriteTakesTheHeldStepsPlace() {
    finish(Outcome.waiting(Reason.Creating, "being created", POLL), "arn:fn");
    var status = store.current(fn);
    status.setConditions(
        Conditions.ready(
            status.getConditions(),
            Outcome.waiting(Reason.Retrying, "throttled", null),
            1L,
            clock));

    store.write(client, fn, status);

    var written = stored().getStatus();
    assertThat(Conditions.readyReason(written.getConditions())).isEqualTo("Retrying");
    assertThat(written.getFunctionArn()).isEqualTo("arn:fn");
  }

  private void finish(Outcome outcome, String functionArn) {
    var status = store.current(fn);
    status.setFunctionArn(functionArn);
    store.finish(client, fn, status, outcome);
  }

  private LmiFunction stored() {
    return client.resource(fn).get();
  }

  /** A clock the test moves. */
  private static final class SteppingClock extends Clock {
    private Instant now = Instant.parse("2026-11-23T10:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
