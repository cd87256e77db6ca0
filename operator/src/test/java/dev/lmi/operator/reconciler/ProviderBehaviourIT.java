package dev.lmi.operator.reconciler;

import static dev.lmi.operator.testing.Awaits.functionReason;
import static dev.lmi.operator.testing.Awaits.provider;
import static dev.lmi.operator.testing.Awaits.providerReason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.lmi.emulator.Timings;
import dev.lmi.operator.api.Api;
import dev.lmi.operator.api.CapacityProvider;
import dev.lmi.operator.api.DeletionPolicy;
import dev.lmi.operator.api.LmiFunction;
import dev.lmi.operator.api.PropagateTagsMode;
import dev.lmi.operator.api.PropagateTagsSpec;
import dev.lmi.operator.api.SystemLogLevel;
import dev.lmi.operator.api.TelemetrySpec;
import dev.lmi.operator.testing.Awaits;
import dev.lmi.operator.testing.OperatorHarness;
import dev.lmi.operator.testing.Resources;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.lambda.model.Architecture;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

class ProviderBehaviourIT {
  private OperatorHarness h;

  @BeforeEach
  void start() {
    h = new OperatorHarness(Timings.fast()).startOperator();
  }

  @AfterEach
  void stop() {
    h.close();
  }

  @Test
  void refusesACreateOnlyChangeAndDestroysNothing() {
    h.client().resource(Resources.provider("orders-pool", "orders")).create();
    providerReason(h.client(), "orders-pool", "Ready");
    var cp = provider(h.client(), "orders-pool");
    cp.getSpec().setOperatorRoleArn("arn:aws:iam::123456789012:role/another");
    h.client().resource(cp).update();
    var refused = providerReason(h.client(), "orders-pool", "CreateOnlyFieldChanged");
    assertThat(refused.getStatus().getConditions().get(0).getMessage())
        .contains("operatorRoleArn", "nothing was deleted");
    try (var lambda = h.lambda()) {
      assertThat(
              lambda
                  .getCapacityProvider(r -> r.capacityProviderName("orders-pool"))
                  .capacityProvider()
                  .stateAsString())
          .isEqualTo("Active");
    }
  }

  @Test
  void updatesScalingTagPropagationAndTelemetryInPlace() throws Exception {
    h.client().resource(Resources.provider("orders-pool", "orders")).create();
    providerReason(h.client(), "orders-pool", "Ready");
    var cp = provider(h.client(), "orders-pool");
    cp.getSpec().getScaling().setMaxVCpuCount(128);
    var propagate = new PropagateTagsSpec();
    propagate.setMode(PropagateTagsMode.EXPLICIT);
    propagate.setExplicitTags(Map.of("cost-center", "42"));
    cp.getSpec().setPropagateTags(propagate);
    var telemetry = new TelemetrySpec();
    telemetry.setSystemLogLevel(SystemLogLevel.WARN);
    cp.getSpec().setTelemetry(telemetry);
    h.client().resource(cp).update();
    await()
        .atMost(Awaits.TIMEOUT)
        .pollInterval(java.time.Duration.ofMillis(200))
        .untilAsserted(
            () -> {
              // The pinned SDK has no PropagateTags/TelemetryConfig members: read AWS's raw JSON.
              var raw = rawProvider("orders-pool");
              assertThat(
                      raw.at("/CapacityProvider/CapacityProviderScalingConfig/MaxVCpuCount")
                          .asInt())
                  .isEqualTo(128);
              assertThat(raw.at("/CapacityProvider/PropagateTags/Mode").asText())
                  .isEqualTo("Explicit");
              assertThat(
                      raw.at("/CapacityProvider/PropagateTags/ExplicitTags/cost-center").asText())
                  .isEqualTo("42");
              assertThat(
                      raw.at("/CapacityProvider/TelemetryConfig/LoggingConfig/SystemLogLevel")
                          .asText())
                  .isEqualTo("WARN");
            });
    providerReason(h.client(), "orders-pool", "Ready");
  }

  private com.fasterxml.jackson.databind.JsonNode rawProvider(String name) throws Exception {
    var uri = h.emulator().endpoint().resolve("/2025-11-30/capacity-providers/" + name);
    var response =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(uri).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    return new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body());
  }

  @Test
  void leavesAnUnownedProviderAloneUnlessAskedToAdoptIt() {
    try (var lambda = h.lambda()) {
      lambda.createCapacityProvider(
          r ->
              r.capacityProviderName("legacy")
                  .vpcConfig(
                      v ->
                          v.subnetIds(Resources.SUBNETS).securityGroupIds(Resources.SECURITY_GROUP))
                  .permissionsConfig(
                      p ->
                          p.capacityProviderOperatorRoleArn(
                              "arn:aws:iam::123456789012:role/lmi-operator"))
                  .instanceRequirements(i -> i.architectures(Architecture.ARM64)));
    }
    h.client().resource(Resources.provider("legacy", "orders")).create();
    var refused = providerReason(h.client(), "legacy", "NotOwned");
    assertThat(refused.getStatus().getConditions().get(0).getMessage())
        .contains(Api.ADOPT_ANNOTATION);

    var cp = provider(h.client(), "legacy");
    cp.getMetadata().setAnnotations(Map.of(Api.ADOPT_ANNOTATION, "true"));
    h.client().resource(cp).update();
    var adopted = providerReason(h.client(), "legacy", "Ready");
    assertThat(adopted.getStatus().getAdopted()).isTrue();
  }

  @Test
  void refusesToAdoptAProviderWhoseCreateOnlySettingsDiffer() {
    try (var lambda = h.lambda()) {
      lambda.createCapacityProvider(
          r ->
              r.capacityProviderName("legacy")
                  .vpcConfig(
                      v ->
                          v.subnetIds(Resources.SUBNETS.get(0))
                              .securityGroupIds(Resources.SECURITY_GROUP))
                  .permissionsConfig(
                      p ->
                          p.capacityProviderOperatorRoleArn(
                              "arn:aws:iam::123456789012:role/lmi-operator"))
                  .instanceRequirements(i -> i.architectures(Architecture.ARM64)));
    }
    var cp = Resources.provider("legacy", "orders");
    cp.getMetadata().setAnnotations(Map.of(Api.ADOPT_ANNOTATION, "true"));
    h.client().resource(cp).create();
    var refused = providerReason(h.client(), "legacy", "AdoptionConflict");
    assertThat(refused.getStatus().getConditions().get(0).getMessage()).contains("vpc.subnetIds");
  }

  @Test
  void deletingAProviderWaitsForItsFunctionsAndNamesThemThenRemovesIt() {
    h.client().resource(Resources.provider("orders-pool", "orders")).create();
    h.client().resource(Resources.function("orders", "list-orders", "orders-pool")).create();
    var providerArn = providerReason(h.client(), "orders-pool", "Ready").getStatus().getArn();
    functionReason(h.client(), "orders", "list-orders", "Ready");
    try (var lambda = h.lambda()) {
      lambda.createFunction(
          r ->
              r.functionName("made-by-hand")
                  .runtime("java21")
                  .handler("other.Handler::handleRequest")
                  .role("arn:aws:iam::123456789012:role/someone-else")
                  .memorySize(2048)
                  .architecturesWithStrings("arm64")
                  .code(c -> c.s3Bucket("artifacts").s3Key("other/handler.jar"))
                  .capacityProviderConfig(
                      c ->
                          c.lambdaManagedInstancesCapacityProviderConfig(
                              m -> m.capacityProviderArn(providerArn)))
                  .publish(true));
    }
    h.client().resources(CapacityProvider.class).withName("orders-pool").delete();
    var blocked = providerReason(h.client(), "orders-pool", "DeletionBlocked");
    assertThat(blocked.getStatus().getConditions().get(0).getMessage())
        .contains(
            "2 function version(s)",
            "LmiFunction orders/list-orders (1)",
            "no LmiFunction here manages: made-by-hand (1)");

    try (var lambda = h.lambda()) {
      lambda.deleteFunction(r -> r.functionName("made-by-hand"));
    }
    h.client().resources(LmiFunction.class).inNamespace("orders").withName("list-orders").delete();
    await().atMost(Awaits.TIMEOUT).until(() -> provider(h.client(), "orders-pool") == null);
    try (var lambda = h.lambda()) {
      assertThat(
              catchNotFound(
                  () -> lambda.getCapacityProvider(r -> r.capacityProviderName("orders-pool"))))
          .isTrue();
      assertThat(catchNotFound(() -> lambda.getFunction(r -> r.functionName("orders-list-orders"))))
          .isTrue();
    }
  }

  @Test
  void createsProvidersAppliedTogetherOneASecondWithoutEverBeingThrottled() {
    var names = List.of("pool-a", "pool-b", "pool-c", "pool-d");
    names.forEach(n -> h.client().resource(Resources.provider(n, "orders")).create());
    names.forEach(n -> providerReason(h.client(), n, "Ready"));
    var creates = h.emulator().admin().counters().get("CreateCapacityProvider");
    assertThat(creates).as("every create was accepted the first time").containsOnlyKeys("ok");
    assertThat(creates.get("ok")).isEqualTo(names.size());
  }

  @Test
  void retainLeavesTheProviderInAws() {
    var cp = Resources.provider("kept", "orders");
    cp.getSpec().setDeletionPolicy(DeletionPolicy.RETAIN);
    h.client().resource(cp).create();
    providerReason(h.client(), "kept", "Ready");
    h.client().resources(CapacityProvider.class).withName("kept").delete();
    await().atMost(Awaits.TIMEOUT).until(() -> provider(h.client(), "kept") == null);
    try (var lambda = h.lambda()) {
      assertThat(lambda.getCapacityProvider(r -> r.capacityProviderName("kept")).capacityProvider())
          .isNotNull();
    }
  }

  @Test
  void reportsMissingEndpointsOrCreatesAndDeletesThemWhenAllowed() {
    var strict = Resources.provider("strict", "orders");
    strict.getSpec().getVpc().setPrivateServices(List.of("dynamodb", "logs"));
    h.client().resource(strict).create();
    var missing = providerReason(h.client(), "strict", "MissingVpcEndpoints");
    assertThat(missing.getStatus().getConditions().get(0).getMessage())
        .contains("dynamodb, logs", "createMissingEndpoints");

    var helpful = Resources.provider("helpful", "orders");
    helpful.getSpec().getVpc().setPrivateServices(List.of("dynamodb", "logs"));
    helpful.getSpec().getVpc().setCreateMissingEndpoints(true);
    h.client().resource(helpful).create();
    var ready = providerReason(h.client(), "helpful", "Ready");
    assertThat(ready.getStatus().getCreatedEndpoints()).hasSize(2);
    try (var ec2 = ec2()) {
      assertThat(endpoints(ec2))
          .containsExactlyInAnyOrder(
              "com.amazonaws.us-east-1.dynamodb", "com.amazonaws.us-east-1.logs");
      h.client().resources(CapacityProvider.class).withName("helpful").delete();
      await().atMost(Awaits.TIMEOUT).until(() -> provider(h.client(), "helpful") == null);
      assertThat(endpoints(ec2)).isEmpty();
    }
  }

  private List<String> endpoints(Ec2Client ec2) {
    return ec2
        .describeVpcEndpoints(
            r -> r.filters(Filter.builder().name("vpc-id").values("vpc-0e1a1b2c3d4e5f601").build()))
        .vpcEndpoints()
        .stream()
        .filter(e -> !"deleted".equalsIgnoreCase(e.stateAsString()))
        .map(e -> e.serviceName())
        .toList();
  }

  private Ec2Client ec2() {
    return Ec2Client.builder()
        .region(Region.US_EAST_1)
        .credentialsProvider(OperatorHarness.CREDENTIALS)
        .endpointOverride(h.emulator().endpoint())
        .build();
  }

  private static boolean catchNotFound(Runnable r) {
    try {
      r.run();
      return false;
    } catch (ResourceNotFoundException e) {
      return true;
    }
  }
}
