package dev.lmi.operator.reconciler;

import static dev.lmi.operator.testing.Awaits.function;
import static dev.lmi.operator.testing.Awaits.functionReason;
import static dev.lmi.operator.testing.Awaits.providerReason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.lmi.emulator.EmulatorConfig;
import dev.lmi.emulator.Timings;
import dev.lmi.operator.api.Api;
import dev.lmi.operator.api.LmiFunction;
import dev.lmi.operator.api.RolloutPhase;
import dev.lmi.operator.api.RolloutSpec;
import dev.lmi.operator.api.RolloutStatus;
import dev.lmi.operator.rollout.Route;
import dev.lmi.operator.status.Conditions;
import dev.lmi.operator.testing.HandlerCode;
import dev.lmi.operator.testing.OperatorHarness;
import dev.lmi.operator.testing.Resources;
import dev.lmi.operator.testing.RolloutSpecs;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * The operator rolls a new version out on the emulator: real weighted aliases, real invocations
 * through them (a traffic thread), real per-version metrics and alarms, the annotations, a restart
 * mid-step. Pauses are seconds long, so each scenario takes seconds.
 */
class RolloutOperatorIT {
  private static final String AWS_NAME = "orders-list-orders";
  private static final String ALARM = "orders-list-5xx";
  @TempDir Path codeDir;
  private OperatorHarness h;
  private LambdaClient lambda;
  private Thread traffic;
  private final AtomicBoolean sending = new AtomicBoolean();
  private final List<Route> seen = Collections.synchronizedList(new ArrayList<>());

  @AfterEach
  void stop() {
    sending.set(false);
    if (traffic != null) {
      traffic.interrupt();
    }
    if (lambda != null) {
      lambda.close();
    }
    if (h != null) {
      h.close();
    }
  }

  /** Version 1 serves the alias, with spec.rollout as given and traffic flowing. */
  private void start(RolloutSpec rollout) throws Exception {
    start(rollout, cp -> {}, fn -> {});
  }

  private void start(
      RolloutSpec rollout,
      Consumer<dev.lmi.operator.api.CapacityProvider> provider,
      Consumer<LmiFunction> function)
      throws Exception {
    HandlerCode.write(codeDir.resolve("artifacts/orders/handler.jar"));
    h =
        OperatorHarness.withEmulator(
            EmulatorConfig.defaults().withTimings(Timings.fast()).withCodeDir(codeDir));
    h.withSettings(
        OperatorSettings.defaults()
            .withPoll(Duration.ofMillis(200))
            .withResync(Duration.ofSeconds(30)));
    h.startOperator();
    lambda = h.lambda();
    try (var cw = cloudwatch()) {
      cw.putMetricAlarm(
          r ->
              r.alarmName(ALARM)
                  .namespace("AWS/Lambda")
                  .metricName("Errors")
                  .dimensions(d -> d.name("FunctionName").value(AWS_NAME))
                  .statistic(Statistic.SUM)
                  .period(60)
                  .evaluationPeriods(1)
                  .threshold(1_000_000.0)
                  .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD));
    }
    var cp = Resources.provider("orders-pool", "orders");
    provider.accept(cp);
    h.client().resource(cp).create();
    providerReason(h.client(), "orders-pool", "Ready");
    var fn = Resources.function("orders", "list-orders", "orders-pool");
    fn.getSpec().setHandler(HandlerCode.HANDLER);
    fn.getSpec().setRollout(rollout);
    function.accept(fn);
    h.client().resource(fn).create();
    functionReason(h.client(), "orders", "list-orders", "Ready");
    sendTraffic();
  }

  private CloudWatchClient cloudwatch() {
    return CloudWatchClient.builder()
        .endpointOverride(h.emulator().endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(OperatorHarness.CREDENTIALS)
        .build();
  }

  /** Invokes the alias without pause, and notes every route the alias takes. */
  private void sendTraffic() {
    sending.set(true);
    traffic =
        Thread.ofVirtual()
            .start(
                () -> {
                  while (sending.get()) {
                    try {
                      lambda.invoke(
                          b ->
                              b.functionName(AWS_NAME)
                                  .qualifier("live")
                                  .payload(SdkBytes.fromUtf8String("{}")));
                      var route = alias();
                      if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(route)) {
                        seen.add(route);
                      }
                    } catch (RuntimeException e) {
                      if (!sending.get()) {
                        return;
                      }
                    }
                  }
                });
  }

  private Route alias() {
    var a = lambda.getAlias(r -> r.functionName(AWS_NAME).name("live"));
    var weights = new HashMap<String, Double>();
    if (a.routingConfig() != null) {
      weights.putAll(a.routingConfig().additionalVersionWeights());
    }
    return Route.observed(a.functionVersion(), weights);
  }

  /** Changes the object, again on a conflict with the operator's own writes. */
  private void edit(Consumer<LmiFunction> change) {
    await()
        .atMost(Duration.ofSeconds(10))
        .ignoreException(io.fabric8.kubernetes.client.KubernetesClientException.class)
        .until(
            () -> {
              var fn = function(h.client(), "orders", "list-orders");
              change.accept(fn);
              h.client().resource(fn).update();
              return true;
            });
  }

  /** A change that publishes a new version: the same code, another configuration. */
  private void release(String tag) {
    edit(
        fn ->
            fn.getSpec().setEnvironment(java.util.Map.of("TABLE_NAME", "orders", "RELEASE", tag)));
  }

  private RolloutStatus rollout() {
    var st = function(h.client(), "orders", "list-orders").getStatus();
    return st == null ? null : st.getRollout();
  }

  private RolloutStatus awaitRollout(java.util.function.Predicate<RolloutStatus> p) {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> rollout() != null && p.test(rollout()));
    return rollout();
  }

  private void annotate(String value) {
    edit(
        fn -> {
          var a = new HashMap<String, String>();
          if (fn.getMetadata().getAnnotations() != null) {
            a.putAll(fn.getMetadata().getAnnotations());
          }
          a.put(Api.ROLLOUT_ANNOTATION, value);
          fn.getMetadata().setAnnotations(a);
        });
  }

  private boolean annotationGone() {
    var a = function(h.client(), "orders", "list-orders").getMetadata().getAnnotations();
    return a == null || !a.containsKey(Api.ROLLOUT_ANNOTATION);
  }

  private List<String> events() {
    return h.client().v1().events().inNamespace("orders").list().getItems().stream()
        .map(e -> e.getReason())
        .toList();
  }

  private static RolloutSpec analysed(Object... steps) {
    return RolloutSpecs.analysed(RolloutSpecs.canary(steps), List.of(ALARM), "0.05", 5);
  }

  @Test
  void aGoodCandidateIsPromotedThroughEveryStep() throws Exception {
    start(analysed(10, "2s", 50, "2s"));

    release("2");

    var done = awaitRollout(r -> r.getPhase() == RolloutPhase.Succeeded);
    assertThat(done.getCanaryVersion()).isEqualTo("2");
    assertThat(done.getStableVersion()).isEqualTo("1");
    functionReason(h.client(), "orders", "list-orders", "Ready");
    assertThat(alias()).isEqualTo(Route.single("2"));
    assertThat(seen)
        .containsSubsequence(
            Route.single("1"),
            Route.split("1", "2", 10),
            Route.split("1", "2", 50),
            Route.single("2"));
    assertThat(events())
        .contains("RolloutStarted", "RolloutStep", "RolloutSucceeded", "AliasRouted");
  }

  @Test
  void aCandidateThatFailsAShareOfRequestsIsRolledBackByItsErrorRate() throws Exception {
    start(analysed(20, "3s", 50, "3s"));
    h.emulator().admin().failInvocations(AWS_NAME, "2", 0.5, 7);

    release("2");

    var back = awaitRollout(r -> r.getPhase() == RolloutPhase.RolledBack);
    assertThat(back.getMessage())
        .startsWith("rolled back: error rate 0.")
        .contains("of version 2 since");
    assertThat(alias()).isEqualTo(Route.single("1"));
    var fn = functionReason(h.client(), "orders", "list-orders", "RolledBack");
    assertThat(Conditions.readyReason(fn.getStatus().getConditions())).isEqualTo("RolledBack");
    assertThat(events()).contains("RolloutRolledBack");
  }

  @Test
  void aTrippedAlarmRollsBack() throws Exception {
    start(analysed(10, "5s", 50, "5s"));
    release("2");
    awaitRollout(r -> r.getStep() != null && r.getStep() == 1);
    try (var cw = cloudwatch()) {
      cw.setAlarmState(
          r -> r.alarmName(ALARM).stateValue(StateValue.ALARM).stateReason("5xx above 1%"));
    }
    // The look at the end of step 1's pause sees it, whatever the invocations.
    var back = awaitRollout(r -> r.getPhase() == RolloutPhase.RolledBack);
    assertThat(back.getMessage())
        .isEqualTo("rolled back: alarm " + ALARM + " is in ALARM: 5xx above 1%");
    assertThat(alias()).isEqualTo(Route.single("1"));
  }

  @Test
  void promoteFinishesARolloutAtOnceAndTheAnnotationIsRemoved() throws Exception {
    start(RolloutSpecs.canary(10, "10m"));
    release("2");
    var held = awaitRollout(r -> r.getStep() != null && r.getStep() == 1);
    assertThat(alias()).isEqualTo(Route.split("1", "2", 10));
    // A step under way writes nothing to AWS (traffic flows; invocations are not writes).
    var writes = h.emulator().admin().writeCalls();
    Thread.sleep(3_000);
    assertThat(h.emulator().admin().writeCalls()).isEqualTo(writes);
    assertThat(Serialization.asJson(rollout())).isEqualTo(Serialization.asJson(held));

    annotate("promote");

    awaitRollout(r -> r.getPhase() == RolloutPhase.Succeeded);
    functionReason(h.client(), "orders", "list-orders", "Ready");
    assertThat(alias()).isEqualTo(Route.single("2"));
    await().atMost(Duration.ofSeconds(10)).until(this::annotationGone);
  }

  @Test
  void abortRollsBackAtOnceAndTheAnnotationIsRemoved() throws Exception {
    start(RolloutSpecs.canary(10, "10m"));
    release("2");
    awaitRollout(r -> r.getStep() != null && r.getStep() == 1);

    annotate("abort");

    var aborted = awaitRollout(r -> r.getPhase() == RolloutPhase.Aborted);
    assertThat(aborted.getMessage())
        .startsWith("aborted by the lmi.dev/rollout=abort annotation at step 1 of 1");
    functionReason(h.client(), "orders", "list-orders", "RolledBack");
    assertThat(alias()).isEqualTo(Route.single("1"));
    await().atMost(Duration.ofSeconds(10)).until(this::annotationGone);
  }

  @Test
  void anOperatorRestartMidStepResumesTheSameStepWithTheSameClock() throws Exception {
    start(RolloutSpecs.canary(10, "6s", 50, "2s"));
    release("2");
    var first = awaitRollout(r -> r.getStep() != null && r.getStep() == 1);

    h.stopOperator();
    h.startOperator();

    var resumed = awaitRollout(r -> true);
    assertThat(resumed.getStep()).isEqualTo(1);
    assertThat(resumed.getStepStartedAt()).isEqualTo(first.getStepStartedAt());
    var second = awaitRollout(r -> r.getStep() != null && r.getStep() == 2);
    var took =
        Duration.between(
            java.time.Instant.parse(first.getStepStartedAt()),
            java.time.Instant.parse(second.getStepStartedAt()));
    // Step 1's pause is counted from when it began, not from the restart.
    assertThat(took).isBetween(Duration.ofSeconds(6), Duration.ofSeconds(20));
    awaitRollout(r -> r.getPhase() == RolloutPhase.Succeeded);
    assertThat(alias()).isEqualTo(Route.single("2"));
  }

  @Test
  void aSpecChangeMidRolloutStartsANewRolloutFromTheStableVersion() throws Exception {
    start(RolloutSpecs.canary(10, "10m"));
    release("2");
    awaitRollout(r -> r.getStep() != null && r.getStep() == 1);

    release("3");

    var again =
        awaitRollout(
            r -> "3".equals(r.getCanaryVersion()) && r.getStep() != null && r.getStep() == 1);
    assertThat(again.getStableVersion()).isEqualTo("1");
    assertThat(alias()).isEqualTo(Route.split("1", "3", 10));
    // Version 2 lost its traffic before version 3 took any.
    assertThat(seen)
        .containsSubsequence(
            Route.split("1", "2", 10), Route.single("1"), Route.split("1", "3", 10));
    assertThat(events()).contains("RolloutSuperseded");
  }

  @Test
  void aVersionThatFailsToStartNeverGetsTraffic() throws Exception {
    start(RolloutSpecs.canary(10, "10m"));
    release("2");
    awaitRollout(r -> r.getStep() != null && r.getStep() == 1);
    h.emulator()
        .admin()
        .failNextPublish(AWS_NAME, "FunctionError.InitResourceExhausted", "init ran out of memory");

    release("3");

    var failed = functionReason(h.client(), "orders", "list-orders", "VersionFailed");
    assertThat(failed.getStatus().getRollout().getPhase()).isEqualTo(RolloutPhase.RolledBack);
    assertThat(failed.getStatus().getRollout().getMessage())
        .isEqualTo(
            "rolled back: version 3 failed: FunctionError.InitResourceExhausted: init ran out of"
                + " memory");
    assertThat(alias()).isEqualTo(Route.single("1"));
    assertThat(seen.stream().map(Route::canaryVersion)).doesNotContain("3");
  }

  @Test
  void aRolloutTheProviderCannotHoldWaitsWithTheFiguresAndStartsOnceMaxVCpuCountIsRaised()
      throws Exception {
    start(
        RolloutSpecs.canary(10, "2s"),
        cp -> cp.getSpec().getScaling().setMaxVCpuCount(12),
        fn -> {
          fn.getSpec().setMemoryMiB(4096);
          fn.getSpec().getScaling().setMinExecutionEnvironments(4);
        });

    release("2");

    var refused = functionReason(h.client(), "orders", "list-orders", "CapacityExceeded");
    assertThat(refused.getStatus().getConditions().get(0).getMessage())
        .isEqualTo(
            "rollout waits for room: the new version needs 8 vCPUs (4 environments × 2 vCPUs)"
                + " next to version 1's 8 during the rollout, but capacity provider orders-pool"
                + " has 4 of its maxVCpuCount 12 free: raise maxVCpuCount to at least 16 or lower"
                + " scaling.minExecutionEnvironments, or move the function to another provider");
    assertThat(refused.getStatus().getRollout()).isNull();
    try (var l = h.lambda()) {
      assertThat(l.listVersionsByFunction(r -> r.functionName(AWS_NAME)).versions()).hasSize(2);
    }
    assertThat(alias()).isEqualTo(Route.single("1"));

    var cp = dev.lmi.operator.testing.Awaits.provider(h.client(), "orders-pool");
    cp.getSpec().getScaling().setMaxVCpuCount(16);
    h.client().resource(cp).update();

    awaitRollout(r -> r.getPhase() == RolloutPhase.Succeeded);
    assertThat(alias()).isEqualTo(Route.single("2"));
    // The old stable version is a retained version no alias routes to: scaled to zero.
    await().atMost(Duration.ofSeconds(30)).until(() -> "Deactivated".equals(state("1")));
  }

  @Test
  void aRollbackOntoAStableVersionScaledToZeroWakesItBeforeTheAliasMovesBack() throws Exception {
    start(RolloutSpecs.canary(10, "10m"));
    release("2");
    awaitRollout(r -> r.getStep() != null && r.getStep() == 1);
    lambda.putFunctionScalingConfig(
        r ->
            r.functionName(AWS_NAME)
                .qualifier("1")
                .functionScalingConfig(
                    c -> c.minExecutionEnvironments(0).maxExecutionEnvironments(0)));
    await().atMost(Duration.ofSeconds(10)).until(() -> "Deactivated".equals(state("1")));

    annotate("abort");

    var samples = new ArrayList<String>();
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(20))
        .until(
            () -> {
              var route = alias();
              var stable = state("1");
              samples.add(route + " " + stable);
              return route.equals(Route.single("1"));
            });
    assertThat(samples.getLast()).endsWith("Active");
    assertThat(samples)
        .anyMatch(sample -> !sample.endsWith("Active") && !sample.endsWith("Deactivated"));
    functionReason(h.client(), "orders", "list-orders", "RolledBack");
    assertThat(rollout().getPhase()).isEqualTo(RolloutPhase.Aborted);
    await().atMost(Duration.ofSeconds(30)).until(() -> "Deactivated".equals(state("2")));
  }

  @Test
  void suspendMidRolloutAbortsItScalesBothVersionsToZeroAndResumeRollsOutAgain() throws Exception {
    start(RolloutSpecs.canary(10, "10m"));
    release("2");
    awaitRollout(r -> r.getStep() != null && r.getStep() == 1);
    assertThat(alias()).isEqualTo(Route.split("1", "2", 10));

    edit(fn -> fn.getSpec().setSuspend(true));

    var aborted = awaitRollout(r -> r.getPhase() == RolloutPhase.Aborted);
    assertThat(aborted.getMessage())
        .isEqualTo(
            "aborted because the function was scaled to zero (spec.suspend or a schedule's zero"
                + " window), at step 1 of 1: version 2 takes 10% (stable 1); version 2 is rolled"
                + " out again from the first step when it resumes");
    var suspended = functionReason(h.client(), "orders", "list-orders", "Suspended");
    assertThat(suspended.getStatus().getAliasVersion()).isEqualTo("1");
    assertThat(alias()).isEqualTo(Route.single("1"));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> "Deactivated".equals(state("1")) && "Deactivated".equals(state("2")));
    assertThat(appliedScaling("1")).isEqualTo("0..0");
    assertThat(appliedScaling("2")).isEqualTo("0..0");
    assertThat(events()).contains("RolloutAborted");

    edit(fn -> fn.getSpec().setSuspend(false));

    var again = awaitRollout(r -> r.getPhase() == RolloutPhase.Progressing && r.getStep() == 1);
    assertThat(again.getCanaryVersion()).isEqualTo("2");
    assertThat(again.getStableVersion()).isEqualTo("1");
    assertThat(alias()).isEqualTo(Route.split("1", "2", 10));
    assertThat(state("1")).isEqualTo("Active");
    assertThat(state("2")).isEqualTo("Active");
    assertThat(appliedScaling("1")).isEqualTo("3..4");
    assertThat(appliedScaling("2")).isEqualTo("3..4");
  }

  /** A version's scaling as AWS applied it, "min..max". */
  private String appliedScaling(String version) {
    var applied =
        lambda
            .getFunctionScalingConfig(r -> r.functionName(AWS_NAME).qualifier(version))
            .appliedFunctionScalingConfig();
    return applied.minExecutionEnvironments() + ".." + applied.maxExecutionEnvironments();
  }

  /** A version's state as Lambda reports it (Active, Pending, Deactivated...). */
  private String state(String version) {
    return lambda
        .getFunctionConfiguration(r -> r.functionName(AWS_NAME).qualifier(version))
        .stateAsString();
  }

  @Test
  void aNewExecutionRoleIsNotSplitWithTheOldOneAndNoTrafficMoves() throws Exception {
    start(RolloutSpecs.canary(10, "2s"));

    edit(fn -> fn.getSpec().setRoleArn("arn:aws:iam::123456789012:role/list-orders-v2"));

    var refused = awaitRollout(r -> r.getPhase() == RolloutPhase.RolledBack);
    assertThat(refused.getMessage())
        .startsWith("rolled back: not started: version 1 runs as")
        .contains("same execution role");
    functionReason(h.client(), "orders", "list-orders", "RolledBack");
    assertThat(alias()).isEqualTo(Route.single("1"));
    assertThat(seen.stream().map(Route::canaryVersion)).containsOnlyNulls();
  }

  @Test
  void aLinearRolloutTakesEachIncrementInTurn() throws Exception {
    start(RolloutSpecs.analysed(RolloutSpecs.linear(40, "2s"), List.of(), "0.05", 5));

    release("2");

    var done = awaitRollout(r -> r.getPhase() == RolloutPhase.Succeeded);
    assertThat(done.getSteps()).isEqualTo(2);
    assertThat(alias()).isEqualTo(Route.single("2"));
    assertThat(seen)
        .containsSubsequence(
            Route.split("1", "2", 40), Route.split("1", "2", 80), Route.single("2"));
  }
}
