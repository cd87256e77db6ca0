package dev.lmi.emulator.lambda;

import static dev.lmi.emulator.Clients.await;
import static dev.lmi.emulator.lambda.LmiFixtures.createProvider;
import static dev.lmi.emulator.lambda.LmiFixtures.provider;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lmi.emulator.Clients;
import dev.lmi.emulator.EmulatorConfig;
import dev.lmi.emulator.LmiEmulator;
import dev.lmi.emulator.Timings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CapacityProviderLimitExceededException;
import software.amazon.awssdk.services.lambda.model.CapacityProviderScalingMode;
import software.amazon.awssdk.services.lambda.model.CapacityProviderState;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

class CapacityProviderIT {
  private LmiEmulator emulator;
  private LambdaClient lambda;

  @BeforeEach
  void start() {
    var timings = Timings.fast().withProviderWriteRateLimit(false);
    emulator = LmiEmulator.start(EmulatorConfig.defaults().withTimings(timings));
    lambda = Clients.lambda(emulator);
  }

  @AfterEach
  void stop() {
    lambda.close();
    emulator.close();
  }

  private CapacityProviderState state(String name) {
    return lambda.getCapacityProvider(b -> b.capacityProviderName(name)).capacityProvider().state();
  }

  @Test
  void createdProviderIsPendingThenActive() {
    var created = lambda.createCapacityProvider(provider("cp1").tags(Map.of("team", "x")).build());

    assertThat(created.sdkHttpResponse().statusCode()).isEqualTo(202);
    var cp = created.capacityProvider();
    assertThat(cp.state()).isEqualTo(CapacityProviderState.PENDING);
    assertThat(cp.capacityProviderArn())
        .isEqualTo("arn:aws:lambda:us-east-1:123456789012:capacity-provider:cp1");
    assertThat(cp.instanceRequirements().architecturesAsStrings()).containsExactly("arm64");
    assertThat(cp.capacityProviderScalingConfig().scalingMode())
        .isEqualTo(CapacityProviderScalingMode.AUTO);
    assertThat(cp.lastModified())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+0000");
    await(() -> state("cp1") == CapacityProviderState.ACTIVE, Duration.ofSeconds(5));
  }

  @Test
  void getAcceptsTheArnAndNeverReturnsTags() {
    var arn =
        lambda
            .createCapacityProvider(provider("cp1").tags(Map.of("team", "x")).build())
            .capacityProvider()
            .capacityProviderArn();

    var got = lambda.getCapacityProvider(b -> b.capacityProviderName(arn));

    assertThat(got.capacityProvider().capacityProviderArn()).isEqualTo(arn);
    assertThat(got.toString()).doesNotContain("team");
    assertThat(lambda.listTags(b -> b.resource(arn)).tags()).containsEntry("team", "x");
  }

  @Test
  void rejectsADuplicateName() {
    createProvider(lambda, "cp1");

    assertThatThrownBy(() -> createProvider(lambda, "cp1"))
        .isInstanceOf(ResourceConflictException.class)
        .satisfies(e -> assertThat(((LambdaException) e).statusCode()).isEqualTo(409));
  }

  @Test
  void reportsEveryShapeViolationInOneValidationException() {
    var request =
        provider("bad name!")
            .vpcConfig(v -> v.subnetIds("nope").securityGroupIds("sg-1"))
            .capacityProviderScalingConfig(s -> s.maxVCpuCount(1))
            .build();

    assertThatThrownBy(() -> lambda.createCapacityProvider(request))
        .isInstanceOfSatisfying(
            LambdaException.class,
            e -> {
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
              assertThat(e.statusCode()).isEqualTo(400);
              assertThat(e.awsErrorDetails().errorMessage())
                  .startsWith(
                      "3 validation errors detected: Value 'bad name!' at 'capacityProviderName' failed to satisfy constraint: Member must satisfy regular expression pattern:")
                  .contains("Value 'nope' at 'vpcConfig.subnetIds.1.member'")
                  .contains(
                      "Value '1' at 'capacityProviderScalingConfig.maxVCpuCount' failed to satisfy constraint: Member must have value greater than or equal to 2");
            });
  }

  @Test
  void reportsAMissingRequiredMember() {
    var request =
        provider("cp1")
            .permissionsConfig(
                (software.amazon.awssdk.services.lambda.model.CapacityProviderPermissionsConfig)
                    null)
            .build();

    assertThatThrownBy(() -> lambda.createCapacityProvider(request))
        .hasMessageContaining(
            "1 validation error detected: Value null at 'permissionsConfig' failed to satisfy constraint: Member must not be null");
  }

  @Test
  void missingProviderIsResourceNotFound() {
    assertThatThrownBy(() -> lambda.getCapacityProvider(b -> b.capacityProviderName("ghost")))
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessageContaining(
            "Capacity provider not found: arn:aws:lambda:us-east-1:123456789012:capacity-provider:ghost");
  }

  @Test
  void updateChangesOnlyScalingAndGoesPendingAgain() {
    createProvider(lambda, "cp1");
    await(() -> state("cp1") == CapacityProviderState.ACTIVE, Duration.ofSeconds(5));

    var updated =
        lambda.updateCapacityProvider(
            b ->
                b.capacityProviderName("cp1")
                    .capacityProviderScalingConfig(
                        s ->
                            s.maxVCpuCount(64)
                                .scalingMode(CapacityProviderScalingMode.MANUAL)
                                .scalingPolicies(
                                    p ->
                                        p.predefinedMetricType(
                                                "LambdaCapacityProviderAverageCPUUtilization")
                                            .targetValue(60.0))));

    assertThat(updated.sdkHttpResponse().statusCode()).isEqualTo(202);
    assertThat(updated.capacityProvider().state()).isEqualTo(CapacityProviderState.PENDING);
    assertThat(updated.capacityProvider().capacityProviderScalingConfig().maxVCpuCount())
        .isEqualTo(64);
    assertThat(updated.capacityProvider().vpcConfig().subnetIds())
        .containsExactly("subnet-0a1a1b2c3d4e5f601");
    await(() -> state("cp1") == CapacityProviderState.ACTIVE, Duration.ofSeconds(5));
  }

  @Test
  void deleteGoesThroughDeletingToNotFound() {
    createProvider(lambda, "cp1");
    await(() -> state("cp1") == CapacityProviderState.ACTIVE, Duration.ofSeconds(5));

    var deleted = lambda.deleteCapacityProvider(b -> b.capacityProviderName("cp1"));

    assertThat(deleted.sdkHttpResponse().statusCode()).isEqualTo(202);
    assertThat(deleted.capacityProvider().state()).isEqualTo(CapacityProviderState.DELETING);
    await(
        () -> {
          try {
            state("cp1");
            return false;
          } catch (ResourceNotFoundException e) {
            return true;
          }
        },
        Duration.ofSeconds(5));
  }

  @Test
  void listPaginatesAndFiltersByState() {
    for (var i = 0; i < 7; i++) {
      createProvider(lambda, "cp" + i);
    }
    var first = lambda.listCapacityProviders(b -> b.maxItems(3));
    assertThat(first.capacityProviders()).hasSize(3);
    assertThat(first.nextMarker()).isNotBlank();

    var all =
        lambda.listCapacityProvidersPaginator(b -> b.maxItems(3)).capacityProviders().stream()
            .toList();
    assertThat(all).hasSize(7);
    assertThat(
            lambda
                .listCapacityProviders(b -> b.state(CapacityProviderState.DELETING))
                .capacityProviders())
        .isEmpty();
    assertThatThrownBy(() -> lambda.listCapacityProviders(b -> b.maxItems(51)))
        .hasMessageContaining(
            "Value '51' at 'maxItems' failed to satisfy constraint: Member must have value less than or equal to 50");
  }

  @Test
  void throttlesProviderWritesAtOnePerSecond() {
    try (var limited =
            LmiEmulator.start(
                EmulatorConfig.defaults()
                    .withTimings(Timings.instant().withProviderWriteRateLimit(true)));
        var client = Clients.lambda(limited)) {
      createProvider(client, "a");

      assertThatThrownBy(() -> createProvider(client, "b"))
          .isInstanceOfSatisfying(
              TooManyRequestsException.class,
              e -> {
                assertThat(e.statusCode()).isEqualTo(429);
                assertThat(e.retryAfterSeconds()).isEqualTo("1");
                assertThat(e.reasonAsString()).isEqualTo("CallerRateLimitExceeded");
              });
      assertThat(client.getCapacityProvider(b -> b.capacityProviderName("a")).capacityProvider())
          .isNotNull();
    }
  }

  @Test
  void refusesTheThousandAndFirstProvider() {
    try (var quick = LmiEmulator.start(EmulatorConfig.defaults().withTimings(Timings.instant()));
        var client = Clients.lambda(quick)) {
      java.util.stream.IntStream.range(0, 1000)
          .parallel()
          .forEach(i -> createProvider(client, "cp-" + i));
      assertThatThrownBy(() -> createProvider(client, "one-too-many"))
          .isInstanceOf(CapacityProviderLimitExceededException.class)
          .satisfies(e -> assertThat(((LambdaException) e).statusCode()).isEqualTo(400));
    }
  }

  @Test
  void injectedFailureLeavesTheProviderFailedUntilAnUpdate() {
    emulator.admin().failNextCapacityProvider("cp1");

    createProvider(lambda, "cp1");

    await(() -> state("cp1") == CapacityProviderState.FAILED, Duration.ofSeconds(5));
    lambda.updateCapacityProvider(
        b -> b.capacityProviderName("cp1").capacityProviderScalingConfig(s -> s.maxVCpuCount(8)));
    await(() -> state("cp1") == CapacityProviderState.ACTIVE, Duration.ofSeconds(5));
  }
}
