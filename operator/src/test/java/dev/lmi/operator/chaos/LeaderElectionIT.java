package dev.lmi.operator.chaos;

import static dev.lmi.operator.testing.Awaits.functionReason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.lmi.emulator.Timings;
import dev.lmi.operator.OperatorStack;
import dev.lmi.operator.metrics.OperatorMetrics;
import dev.lmi.operator.testing.Awaits;
import dev.lmi.operator.testing.OperatorHarness;
import dev.lmi.operator.testing.Resources;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder;
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

  @Test
  void onlyTheLeaderReconcilesAndAFollowerTakesOverWhenItStops() {
    h = new OperatorHarness(Timings.fast());
    // The mock answers 422 to the permission check JOSDK makes before electing.
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
}
