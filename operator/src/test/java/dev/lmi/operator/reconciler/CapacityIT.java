package dev.lmi.operator.reconciler;

import static dev.lmi.operator.testing.Awaits.function;
import static dev.lmi.operator.testing.Awaits.functionReason;
import static dev.lmi.operator.testing.Awaits.providerReason;
import static dev.lmi.operator.testing.ScheduleSpecs.schedule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.lmi.emulator.Timings;
import dev.lmi.operator.OperatorStack;
import dev.lmi.operator.api.CapacityProvider;
import dev.lmi.operator.api.LmiFunction;
import dev.lmi.operator.status.Conditions;
import dev.lmi.operator.testing.Awaits;
import dev.lmi.operator.testing.OperatorHarness;
import dev.lmi.operator.testing.Resources;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Capacity end to end against the emulator, whose capacity ledger fails versions that do not fit
 * their provider's maxVCpuCount as AWS does: the operator holds a publish back instead
 * (CapacityExceeded) until room appears, suspends and resumes, puts retained versions to sleep, and
 * follows schedules as they fire.
 */
class CapacityIT {
  private OperatorHarness h;
  private OperatorStack stack;

  @AfterEach
  void stop() {
    if (stack != null) {
      stack.close();
    }
    if (h != null) {
      h.close();
    }
  }

  private void start(Clock scheduleClock, Duration resync) {
    h = new OperatorHarness(Timings.fast());
    h.withSettings(OperatorSettings.defaults().withPoll(Duration.ofMillis(200)).withResync(resync));
    stack = h.operatorStack(h.client()).clock(scheduleClock).build().start();
  }

  private void provider(int maxVCpuCount) {
    var cp = Resources.provider("orders-pool", "orders");
    cp.getSpec().getScaling().setMaxVCpuCount(maxVCpuCount);
    h.client().resource(cp).create();
    providerReason(h.client(), "orders-pool", "Ready");
  }

  private void edit(String name, Consumer<LmiFunction> change) {
    var fn = function(h.client(), "orders", name);
    change.accept(fn);
    h.client().resource(fn).update();
  }

  private String stateInAws(String awsName, String version) {
    try (var lambda = h.lambda()) {
      return lambda
          .getFunctionConfiguration(r -> r.functionName(awsName).qualifier(version))
          .stateAsString();
    }
  }

  private int vCpusInUse() {
    return h.emulator().admin().capacity("orders-pool").vCpusInUse();
  }

  @Test
  void aPublishWaitsForRoomOnTheProviderAndSuspendAndResumeMoveIt() {
    // A resync longer than the waits below: the provider's sums follow its functions' changes.
    start(Clock.systemUTC(), Duration.ofSeconds(20));
    provider(8);
    h.client().resource(Resources.function("orders", "list-orders", "orders-pool")).create();
    functionReason(h.client(), "orders", "list-orders", "Ready");
    h.client().resource(Resources.function("orders", "search", "orders-pool")).create();
    functionReason(h.client(), "orders", "search", "Ready");
    assertThat(vCpusInUse()).isEqualTo(6);

    // Version 2 needs three more 1-vCPU environments next to the six held: 9 > 8.
    edit("list-orders", fn -> fn.getSpec().getCode().getS3().setObjectVersion("2"));
    var held = functionReason(h.client(), "orders", "list-orders", "CapacityExceeded");
    assertThat(ready(held).getMessage())
        .contains("publishing a new version needs 3 execution environments × 1 vCPU = 3 vCPUs")
        .contains("holds 6 of its 8 vCPUs")
        .contains("raise spec.scaling.maxVCpuCount of CapacityProvider orders-pool to at least 9");
    assertThat(held.getStatus().getAliasVersion()).isEqualTo("1");
    assertThat(held.getStatus().getCapacity().getvCpuAtMin()).isEqualTo(3);

    // Suspending the other function frees its three: the publish proceeds by itself.
    edit("search", fn -> fn.getSpec().setSuspend(true));
    var suspended = functionReason(h.client(), "orders", "search", "Suspended");
    assertThat(ready(suspended).getStatus()).isEqualTo("True");
    assertThat(stateInAws("orders-search", "1")).isIn("Deactivating", "Deactivated");
    awaitReadyOn("list-orders", "2");

    // Version 1 of list-orders is kept for a rollback, scaled to zero.
    await()
        .atMost(Awaits.TIMEOUT)
        .until(() -> "Deactivated".equals(stateInAws("orders-list-orders", "1")));
    await().atMost(Awaits.TIMEOUT).until(() -> vCpusInUse() == 3);
    var ready = function(h.client(), "orders", "list-orders");
    assertThat(ready.getStatus().getVersions()).containsExactly("1", "2");
    assertThat(ready.getStatus().getCost().getMonthlyUsd()).isNotBlank();

    // Resuming reactivates the version and waits until it is Active.
    edit("search", fn -> fn.getSpec().setSuspend(false));
    functionReason(h.client(), "orders", "search", "Ready");
    assertThat(stateInAws("orders-search", "1")).isEqualTo("Active");
    assertThat(vCpusInUse()).isEqualTo(6);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              var cp = h.client().resources(CapacityProvider.class).withName("orders-pool").get();
              var c = cp.getStatus().getCapacity();
              return c != null
                  && "6/8/8".equals(c.getSummary())
                  && "182.60".equals(cp.getStatus().getCost().getMonthlyUsd());
            });
  }

  @Test
  void aVersionAwsFailsForCapacityOutsideTheOperatorsCountIsRetriedThenSaysHowToRecover() {
    start(Clock.systemUTC(), Duration.ofSeconds(20));
    provider(6);
    var arn =
        h.client()
            .resources(CapacityProvider.class)
            .withName("orders-pool")
            .get()
            .getStatus()
            .getArn();
    // A function this operator does not manage holds three of the six vCPUs.
    try (var lambda = h.lambda()) {
      lambda.createFunction(
          r ->
              r.functionName("unmanaged")
                  .runtime("java21")
                  .role("arn:aws:iam::123456789012:role/unmanaged")
                  .handler("example.Handler::handleRequest")
                  .code(c -> c.s3Bucket("artifacts").s3Key("unmanaged.jar"))
                  .memorySize(2048)
                  .architecturesWithStrings("arm64")
                  .publish(true)
                  .capacityProviderConfig(
                      c ->
                          c.lambdaManagedInstancesCapacityProviderConfig(
                              l ->
                                  l.capacityProviderArn(arn)
                                      .executionEnvironmentMemoryGiBPerVCpu(2.0))));
    }
    await().atMost(Awaits.TIMEOUT).until(() -> vCpusInUse() == 3);
    h.client().resource(Resources.function("orders", "list-orders", "orders-pool")).create();
    functionReason(h.client(), "orders", "list-orders", "Ready");

    // The operator counts 3 of 6 held, so it publishes; AWS (the emulator) counts 6 and fails it.
    // It publishes again (its count still shows room) three times in all, then gives up.
    edit("list-orders", fn -> fn.getSpec().getCode().getS3().setObjectVersion("2"));
    var failed = functionReason(h.client(), "orders", "list-orders", "VersionFailed");

    assertThat(ready(failed).getMessage())
        .contains(
            "version 4 failed: CapacityProviderScalingLimitExceeded", "alias stays on version 1")
        .contains(
            "Make room", "then change this function's configuration or code to publish again");
    assertThat(stateInAws("orders-list-orders", "4")).isEqualTo("Failed");
    try (var lambda = h.lambda()) {
      var versions =
          lambda.listVersionsByFunction(r -> r.functionName("orders-list-orders")).versions();
      assertThat(versions).extracting(v -> v.version()).containsExactly("$LATEST", "1", "4");
    }
  }

  @Test
  void followsSchedulesAsTheyFireAndAppliesTheOneThatFiredWhileItWasDown() {
    // Monday 2026-03-30, 06:59:40 in Berlin (summer time): the nights window, fired on Friday
    // while no operator ran, is in force; days fires 20 s later.
    var target = Instant.parse("2026-03-30T04:59:40Z");
    start(
        Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), target)),
        Duration.ofSeconds(3));
    provider(400);
    var fn = Resources.function("orders", "list-orders", "orders-pool");
    fn.getSpec()
        .getScaling()
        .setSchedules(
            List.of(
                schedule("nights", "0 20 * * MON-FRI", 0, 0),
                schedule("days", "0 7 * * MON-FRI", 1, 2)));
    h.client().resource(fn).create();

    var night = functionReason(h.client(), "orders", "list-orders", "Suspended");
    assertThat(night.getStatus().getEffectiveScaling().getWindow()).isEqualTo("nights");
    assertThat(night.getStatus().getEffectiveScaling().getNextWindow()).isEqualTo("days");
    assertThat(night.getStatus().getEffectiveScaling().getNextChange())
        .isEqualTo("2026-03-30T05:00:00Z");

    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              var st = function(h.client(), "orders", "list-orders").getStatus();
              return "Ready".equals(Conditions.readyReason(st.getConditions()))
                  && "days".equals(st.getEffectiveScaling().getWindow());
            });
    assertThat(stateInAws("orders-list-orders", "1")).isEqualTo("Active");
    try (var lambda = h.lambda()) {
      var scaling =
          lambda.getFunctionScalingConfig(r -> r.functionName("orders-list-orders").qualifier("1"));
      assertThat(scaling.appliedFunctionScalingConfig().minExecutionEnvironments()).isEqualTo(1);
      assertThat(scaling.appliedFunctionScalingConfig().maxExecutionEnvironments()).isEqualTo(2);
    }
  }

  private void awaitReadyOn(String name, String version) {
    await()
        .atMost(Awaits.TIMEOUT)
        .until(
            () -> {
              var st = function(h.client(), "orders", name).getStatus();
              return version.equals(st.getAliasVersion())
                  && "Ready".equals(Conditions.readyReason(st.getConditions()));
            });
  }

  private static io.fabric8.kubernetes.api.model.Condition ready(LmiFunction fn) {
    return fn.getStatus().getConditions().stream()
        .filter(c -> Conditions.READY.equals(c.getType()))
        .findFirst()
        .orElseThrow();
  }
}
