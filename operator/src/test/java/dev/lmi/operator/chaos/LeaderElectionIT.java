package dev.lmi.operator.chaos;

import static dev.lmi.operator.testing.Awaits.functionReason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.lmi.emulator.Timings;
import dev.lmi.operator.OperatorStack;
import dev.lmi.operator.api.RolloutPhase;
import dev.lmi.operator.api.RolloutStatus;
import dev.lmi.operator.metrics.OperatorMetrics;
import dev.lmi.operator.testing.Awaits;
import dev.lmi.operator.testing.OperatorHarness;
import dev.lmi.operator.testing.Resources;
import dev.lmi.operator.testing.RolloutSpecs;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LeaderElectionIT {
  private OperatorHarness h;

  @AfterEach
  void stop() {
    h.close();
  }

  private OperatorStack candidate(OperatorMetrics metrics) {
    return h.operatorStack(h.client())
        .metrics(metrics)
        .leaderElection(OperatorHarness.fastElection("default"))
        .build();
  }

  /** The mock answers 422 to the permission check JOSDK makes before electing. */
  private void allowElection() {
    h.mockServer()
        .expect()
        .post()
        .withPath("/apis/authorization.k8s.io/v1/selfsubjectrulesreviews")
        .andReturn(
            201,
            new SelfSubjectRulesReviewBuilder()
                .withNewStatus()
                .addNewResourceRule()
                .withApiGroups("*")
                .withResources("*")
                .withVerbs("*")
                .endResourceRule()
                .withIncomplete(false)
                .endStatus()
                .build())
        .always();
  }

  @Test
  void onlyTheLeaderReconcilesAndAFollowerTakesOverWhenItStops() {
    h = new OperatorHarness(Timings.fast());
    allowElection();
    var firstMetrics = new OperatorMetrics();
    var secondMetrics = new OperatorMetrics();
    var first = candidate(firstMetrics);
    first.start();
    var second = candidate(secondMetrics);
    second.start();

    h.client().resource(Resources.provider("orders-pool", "orders")).create();
    h.client().resource(Resources.function("orders", "one", "orders-pool")).create();
    functionReason(h.client(), "orders", "one", "Ready");
    var leaderMetrics = firstMetrics.awsCallCounts().isEmpty() ? secondMetrics : firstMetrics;
    var followerMetrics = leaderMetrics == firstMetrics ? secondMetrics : firstMetrics;
    assertThat(followerMetrics.awsCallCounts()).as("the follower made AWS calls").isEmpty();
    assertThat(leaderMetrics.awsCallCounts()).isNotEmpty();
    // A follower waiting for the lease is ready and healthy: it must not be restarted for it.
    for (var app : new OperatorStack[] {first, second}) {
      await().atMost(Awaits.TIMEOUT).until(app::ready);
      assertThat(app.wedged()).isEmpty();
    }

    (leaderMetrics == firstMetrics ? first : second).close();
    h.client().resource(Resources.function("orders", "two", "orders-pool")).create();
    functionReason(h.client(), "orders", "two", "Ready");
    assertThat(followerMetrics.awsCallCounts()).isNotEmpty();
    (leaderMetrics == firstMetrics ? second : first).close();
  }

  @Test
  void aNewLeaderResumesARolloutAtTheStepAndWithTheClockTheOldOneLeft() {
    h = new OperatorHarness(Timings.fast());
    allowElection();
    var firstMetrics = new OperatorMetrics();
    var first = candidate(firstMetrics);
    first.start();
    var second = candidate(new OperatorMetrics());
    second.start();
    h.client().resource(Resources.provider("orders-pool", "orders")).create();
    var fn = Resources.function("orders", "one", "orders-pool");
    fn.getSpec().setRollout(RolloutSpecs.canary(10, "8s", 50, "1s"));
    h.client().resource(fn).create();
    var ready = functionReason(h.client(), "orders", "one", "Ready");
    ready.getSpec().setEnvironment(java.util.Map.of("TABLE_NAME", "orders", "RELEASE", "2"));
    h.client().resource(ready).update();
    await().atMost(Awaits.TIMEOUT).until(() -> step(1) != null);
    var began = step(1).getStepStartedAt();

    (firstMetrics.awsCallCounts().isEmpty() ? second : first).close();

    await().atMost(Awaits.TIMEOUT).until(() -> step(2) != null);
    var at = Awaits.function(h.client(), "orders", "one").getStatus().getRollout();
    // Step 1 kept the start the old leader recorded: its pause was not counted again.
    assertThat(Duration.between(Instant.parse(began), Instant.parse(at.getStepStartedAt())))
        .isBetween(Duration.ofSeconds(8), Duration.ofSeconds(20));
    await()
        .atMost(Awaits.TIMEOUT)
        .until(
            () ->
                Awaits.function(h.client(), "orders", "one").getStatus().getRollout().getPhase()
                    == RolloutPhase.Succeeded);
    first.close();
    second.close();
  }

  /** The rollout while it is at step n, else null. */
  private RolloutStatus step(int n) {
    var st = Awaits.function(h.client(), "orders", "one").getStatus();
    var r = st == null ? null : st.getRollout();
    return r != null && r.getStep() != null && r.getStep() == n ? r : null;
  }
}
