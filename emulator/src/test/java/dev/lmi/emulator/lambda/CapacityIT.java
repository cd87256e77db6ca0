package dev.lmi.emulator.lambda;

import static dev.lmi.emulator.Clients.await;
import static dev.lmi.emulator.lambda.LmiFixtures.lmiFunction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lmi.emulator.Clients;
import dev.lmi.emulator.EmulatorConfig;
import dev.lmi.emulator.LmiEmulator;
import dev.lmi.emulator.ProviderCapacity;
import dev.lmi.emulator.Timings;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CapacityProviderConfig;
import software.amazon.awssdk.services.lambda.model.FunctionVersionLatestPublished;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.State;
import software.amazon.awssdk.services.lambda.model.StateReasonCode;

/**
 * The vCPUs a capacity provider promises its versions (environments × MemorySize / (ratio × 1024))
 * against MaxVCpuCount: what does not fit fails as on AWS; deactivation frees, reactivation asks.
 */
class CapacityIT {
  private LmiEmulator emulator;
  private LambdaClient lambda;

  private void start(boolean limits) {
    emulator =
        LmiEmulator.start(
            EmulatorConfig.defaults().withTimings(Timings.instant()).withCapacityLimits(limits));
    lambda = Clients.lambda(emulator);
  }

  @AfterEach
  void stop() {
    lambda.close();
    emulator.close();
  }

  private String provider(String name, int maxVCpus) {
    return lambda
        .createCapacityProvider(
            LmiFixtures.provider(name)
                .capacityProviderScalingConfig(s -> s.maxVCpuCount(maxVCpus))
                .build())
        .capacityProvider()
        .capacityProviderArn();
  }

  /** A function of {@code memory} MB at {@code ratio} GiB per vCPU on the provider. */
  private void function(String name, String providerArn, int memory, double ratio) {
    var config =
        CapacityProviderConfig.builder()
            .lambdaManagedInstancesCapacityProviderConfig(
                c -> c.capacityProviderArn(providerArn).executionEnvironmentMemoryGiBPerVCpu(ratio))
            .build();
    lambda.createFunction(
        lmiFunction(name, providerArn).memorySize(memory).capacityProviderConfig(config).build());
    lambda.getFunction(b -> b.functionName(name));
  }

  /** Publishes a new version (a new description each time) and waits until it settled. */
  private String publish(String name) {
    lambda.updateFunctionConfiguration(
        b -> b.functionName(name).description("release " + System.nanoTime()));
    lambda.getFunction(b -> b.functionName(name));
    var version = lambda.publishVersion(b -> b.functionName(name)).version();
    await(() -> state(name, version) != State.PENDING, Duration.ofSeconds(5));
    return version;
  }

  private State state(String name, String version) {
    return lambda.getFunctionConfiguration(b -> b.functionName(name).qualifier(version)).state();
  }

  private void scale(String name, String version, int min, int max) {
    lambda.putFunctionScalingConfig(
        b ->
            b.functionName(name)
                .qualifier(version)
                .functionScalingConfig(
                    c -> c.minExecutionEnvironments(min).maxExecutionEnvironments(max)));
  }

  private int inUse(String provider) {
    return emulator.admin().capacity(provider).vCpusInUse();
  }

  @Test
  void aVersionThatDoesNotFitTheProviderFailsWithCapacityProviderScalingLimitExceeded() {
    start(true);
    var cp = provider("small", 8);
    function("fn", cp, 2048, 2.0);

    assertThat(state("fn", publish("fn"))).isEqualTo(State.ACTIVE);
    assertThat(state("fn", publish("fn"))).isEqualTo(State.ACTIVE);
    var third = publish("fn");

    var config = lambda.getFunctionConfiguration(b -> b.functionName("fn").qualifier(third));
    assertThat(config.state()).isEqualTo(State.FAILED);
    assertThat(config.stateReasonCode())
        .isEqualTo(StateReasonCode.CAPACITY_PROVIDER_SCALING_LIMIT_EXCEEDED);
    assertThat(config.stateReason())
        .startsWith(
            "MinimumExecutionEnvironments can't be provisioned because CapacityProvider has reached"
                + " maxVCpuCount limit. Increase maxVCpuCount")
        .contains("needs 3 vCPUs, 6 of 8 are in use");
    assertThat(emulator.admin().capacity("small")).isEqualTo(new ProviderCapacity(cp, 6, 8));
  }

  @Test
  void vCpusAreCountedAcrossVersionsAndFunctionsOfOneProvider() {
    start(true);
    var cp = provider("shared", 400);
    var other = provider("other", 400);
    function("small", cp, 2048, 2.0);
    function("wide", cp, 8192, 4.0);
    function("elsewhere", other, 4096, 2.0);

    publish("small");
    publish("small");
    publish("wide");
    publish("elsewhere");

    assertThat(inUse("shared")).isEqualTo(3 * 1 + 3 * 1 + 3 * 2);
    assertThat(inUse("other")).isEqualTo(3 * 2);
    lambda.deleteFunction(b -> b.functionName("small").qualifier("1"));
    assertThat(inUse("shared")).isEqualTo(3 + 6);
    emulator.admin().failNextPublish("wide", "FunctionError.RuntimeInitError", "boom");
    publish("wide");
    assertThat(inUse("shared")).isEqualTo(9);
  }

  @Test
  void deactivationFreesTheEnvironmentsAndReactivationMustFitAgain() {
    start(true);
    provider("cp", 6);
    function("fn", emulator.admin().capacity("cp").capacityProviderArn(), 2048, 2.0);
    publish("fn");
    publish("fn");

    scale("fn", "1", 0, 0);
    await(() -> state("fn", "1") == State.DEACTIVATED, Duration.ofSeconds(5));
    assertThat(inUse("cp")).isEqualTo(3);
    assertThatThrownBy(() -> lambda.invoke(b -> b.functionName("fn").qualifier("1")))
        .isInstanceOf(ResourceConflictException.class)
        .hasMessageContaining("Deactivated");
    for (var i = 0; i < 5; i++) {
      assertThat(state("fn", "1")).as("stays deactivated by itself").isEqualTo(State.DEACTIVATED);
    }

    scale("fn", "1", 2, 2);
    assertThat(state("fn", "1")).isIn(State.PENDING, State.ACTIVE);
    await(() -> state("fn", "1") == State.ACTIVE, Duration.ofSeconds(5));
    assertThat(inUse("cp")).isEqualTo(5);

    scale("fn", "1", 0, 0);
    await(() -> state("fn", "1") == State.DEACTIVATED, Duration.ofSeconds(5));
    publish("fn");
    scale("fn", "1", 1, 1);
    await(() -> state("fn", "1") != State.PENDING, Duration.ofSeconds(5));
    var config = lambda.getFunctionConfiguration(b -> b.functionName("fn").qualifier("1"));
    assertThat(config.state()).isEqualTo(State.FAILED);
    assertThat(config.stateReasonCodeAsString()).isEqualTo("CapacityProviderScalingLimitExceeded");
    assertThat(inUse("cp")).isEqualTo(6);
  }

  @Test
  void aRaisedMinimumThatDoesNotFitStaysRequestedAndTheVersionKeepsServing() {
    start(true);
    provider("cp", 8);
    function("fn", emulator.admin().capacity("cp").capacityProviderArn(), 2048, 2.0);
    publish("fn");
    publish("fn");

    scale("fn", "1", 4, 4);
    assertThat(scaling("1").appliedFunctionScalingConfig().minExecutionEnvironments()).isEqualTo(4);
    assertThat(inUse("cp")).isEqualTo(7);
    scale("fn", "1", 6, 6);
    var pending = scaling("1");

    assertThat(pending.requestedFunctionScalingConfig().minExecutionEnvironments()).isEqualTo(6);
    assertThat(pending.appliedFunctionScalingConfig().minExecutionEnvironments()).isEqualTo(4);
    assertThat(state("fn", "1")).isEqualTo(State.ACTIVE);
    assertThat(inUse("cp")).isEqualTo(7);
    lambda.deleteFunction(b -> b.functionName("fn").qualifier("2"));
    await(() -> scaling("1").requestedFunctionScalingConfig() == null, Duration.ofSeconds(5));
    assertThat(scaling("1").appliedFunctionScalingConfig().minExecutionEnvironments()).isEqualTo(6);
    assertThat(inUse("cp")).isEqualTo(6);
  }

  private software.amazon.awssdk.services.lambda.model.GetFunctionScalingConfigResponse scaling(
      String version) {
    return lambda.getFunctionScalingConfig(b -> b.functionName("fn").qualifier(version));
  }

  @Test
  void republishingLatestPublishedWithBiggerEnvironmentsThatDoNotFitFailsTheUpdateOnly() {
    start(true);
    var cp = provider("cp", 6);
    function("fn", cp, 2048, 2.0);
    lambda.publishVersion(
        b -> b.functionName("fn").publishTo(FunctionVersionLatestPublished.LATEST_PUBLISHED));
    await(() -> state("fn", "$LATEST.PUBLISHED") == State.ACTIVE, Duration.ofSeconds(5));

    lambda.updateFunctionConfiguration(b -> b.functionName("fn").memorySize(6144));
    lambda.getFunction(b -> b.functionName("fn"));
    lambda.publishVersion(
        b -> b.functionName("fn").publishTo(FunctionVersionLatestPublished.LATEST_PUBLISHED));
    await(
        () -> !latestPublished().lastUpdateStatusAsString().equals("InProgress"),
        Duration.ofSeconds(5));

    var config = latestPublished();
    assertThat(config.state()).isEqualTo(State.ACTIVE);
    assertThat(config.lastUpdateStatusAsString()).isEqualTo("Failed");
    assertThat(config.lastUpdateStatusReasonCodeAsString())
        .isEqualTo("CapacityProviderScalingLimitExceeded");
    assertThat(inUse("cp")).isEqualTo(3);
  }

  private software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse
      latestPublished() {
    return lambda.getFunctionConfiguration(
        b -> b.functionName("fn").qualifier("$LATEST.PUBLISHED"));
  }

  @Test
  void withoutCapacityLimitsNothingIsRefusedButUsageIsStillReported() throws Exception {
    start(false);
    var cp = provider("tiny", 2);
    function("fn", cp, 2048, 2.0);

    assertThat(state("fn", publish("fn"))).isEqualTo(State.ACTIVE);
    assertThat(state("fn", publish("fn"))).isEqualTo(State.ACTIVE);

    var http =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(emulator.endpoint().resolve("/_emulator/capacity/tiny"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(http.statusCode()).isEqualTo(200);
    assertThat(http.body())
        .isEqualTo("{\"capacityProviderArn\":\"" + cp + "\",\"vCpusInUse\":6,\"maxVCpuCount\":2}");
  }
}
