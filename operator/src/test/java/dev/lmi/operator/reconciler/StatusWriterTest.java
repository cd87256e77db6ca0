package dev.lmi.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lmi.operator.api.LmiFunction;
import dev.lmi.operator.api.LmiFunctionStatus;
import dev.lmi.operator.metrics.OperatorMetrics;
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
class StatusWriterTest {
  private static final Duration POLL = Duration.ofMillis(200);

  KubernetesClient client;
  private final SteppingClock clock = new SteppingClock();
  private final OperatorMetrics metrics = new OperatorMetrics();
  private final StatusWriter<LmiFunctionStatus> store =
      new StatusWriter<>(LmiFunctionStatus.class, "LmiFunction", clock, metrics);
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

    var saved =
        store.finishNow(
            client, fn, store.current(fn), Outcome.waiting(Reason.Retrying, "throttled", null));

    assertThat(saved).isTrue();
    var written = stored().getStatus();
    assertThat(Conditions.readyReason(written.getConditions())).isEqualTo("Retrying");
    assertThat(written.getFunctionArn()).isEqualTo("arn:fn");
  }

  @Test
  void everyPathWritesTheObservedGeneration() {
    fn.getMetadata().setGeneration(3L);
    store.finishNow(client, fn, store.current(fn), Outcome.waiting(Reason.Deleting, "", POLL));
    assertThat(stored().getStatus().getObservedGeneration()).isEqualTo(3L);

    fn.getMetadata().setGeneration(4L);
    store.finish(client, fn, store.current(fn), Outcome.terminal(Reason.InvalidSpec, "bad"));
    assertThat(stored().getStatus().getObservedGeneration()).isEqualTo(4L);
  }

  @Test
  void aFailedWriteIsCountedAndRetriedSoon() {
    client.resource(fn).delete();

    var control =
        store.finish(
            client, fn, store.current(fn), Outcome.ready("serving", Duration.ofMinutes(10)));

    assertThat(control.getScheduleDelay()).contains(StatusWriter.RETRY_WRITE.toMillis());
    assertThat(metrics.scrape())
        .contains("lmi_status_write_failures_total{kind=\"LmiFunction\"} 1");
    assertThat(
            store.finishNow(
                client, fn, store.current(fn), Outcome.waiting(Reason.Retrying, "x", null)))
        .isFalse();
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
