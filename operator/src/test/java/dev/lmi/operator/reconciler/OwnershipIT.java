package dev.lmi.operator.reconciler;

import static dev.lmi.operator.testing.Awaits.function;
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
import dev.lmi.operator.testing.Awaits;
import dev.lmi.operator.testing.OperatorHarness;
import dev.lmi.operator.testing.Resources;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;
import software.amazon.awssdk.services.ec2.model.VpcEndpointType;
import software.amazon.awssdk.services.lambda.model.Architecture;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;

/** The owner tag decides who may write an AWS resource: annotations and status cannot forge it. */
class OwnershipIT {
  private static final String VICTIM = "orders-list-orders";
  private static final String VICTIM_ROLE = "arn:aws:iam::123456789012:role/list-orders";
  private OperatorHarness h;

  @BeforeEach
  void start() {
    h = new OperatorHarness(Timings.fast());
    h.withSettings(
        OperatorSettings.defaults()
            .withPoll(Duration.ofMillis(200))
            .withResync(Duration.ofMillis(500)));
    h.startOperator();
  }

  @AfterEach
  void stop() {
    h.close();
  }

  private LmiFunction victim() {
    h.client().resource(Resources.provider("orders-pool", "orders", "other")).create();
    providerReason(h.client(), "orders-pool", "Ready");
    h.client().resource(Resources.function("orders", "list-orders", "orders-pool")).create();
    return functionReason(h.client(), "orders", "list-orders", "Ready");
  }

  /** Another namespace's object naming the victim's function, asking to adopt it. */
  private static LmiFunction intruder() {
    var fn = Resources.function("other", "thief", "orders-pool");
    fn.getSpec().setAwsName(VICTIM);
    fn.getSpec().setRoleArn("arn:aws:iam::123456789012:role/thief");
    fn.getSpec().setEnvironment(Map.of("STOLEN", "yes"));
    fn.getMetadata().setAnnotations(Map.of(Api.ADOPT_ANNOTATION, "true"));
    return fn;
  }

  private Map<String, String> tagsInAws(String name) {
    try (var lambda = h.lambda()) {
      return lambda.getFunction(r -> r.functionName(name)).tags();
    }
  }

  @Test
  void refusesToTakeOverAFunctionOwnedByAnotherNamespaceWhateverItsAnnotations()
      throws InterruptedException {
    var owner = victim();
    var ownerTag = tagsInAws(VICTIM).get(Api.OWNER_TAG);
    assertThat(ownerTag).contains("orders/list-orders", owner.getMetadata().getUid());

    h.client().resource(intruder()).create();
    var refused = functionReason(h.client(), "other", "thief", "NotOwned");
    assertThat(refused.getStatus().getConditions().get(0).getMessage())
        .contains(VICTIM, "LmiFunction orders/list-orders");
    h.emulator().admin().resetCounters();
    Thread.sleep(2000);
    assertThat(h.emulator().admin().writeCalls())
        .as("%s", h.emulator().admin().counters())
        .isZero();
    try (var lambda = h.lambda()) {
      var latest = lambda.getFunctionConfiguration(r -> r.functionName(VICTIM));
      assertThat(latest.role()).isEqualTo(VICTIM_ROLE);
      assertThat(latest.environment().variables()).doesNotContainKey("STOLEN");
    }
    assertThat(tagsInAws(VICTIM)).containsEntry(Api.OWNER_TAG, ownerTag);

    h.client().resources(LmiFunction.class).inNamespace("other").withName("thief").delete();
    await().atMost(Awaits.TIMEOUT).until(() -> function(h.client(), "other", "thief") == null);
    try (var lambda = h.lambda()) {
      assertThat(lambda.listVersionsByFunction(r -> r.functionName(VICTIM)).versions())
          .extracting(FunctionConfiguration::version)
          .contains("$LATEST", "1");
    }
    functionReason(h.client(), "orders", "list-orders", "Ready");
  }

  @Test
  void aForgedStatusDoesNotLetAnotherObjectWriteTheFunction() throws InterruptedException {
    var owner = victim();
    h.client().resource(intruder()).create();
    functionReason(h.client(), "other", "thief", "NotOwned");
    // Whoever can write the intruder's status claims the victim's function in it.
    var thief = function(h.client(), "other", "thief");
    thief.setStatus(owner.getStatus());
    h.client().resource(thief).updateStatus();

    Thread.sleep(2000);
    try (var lambda = h.lambda()) {
      var latest = lambda.getFunctionConfiguration(r -> r.functionName(VICTIM));
      assertThat(latest.role()).isEqualTo(VICTIM_ROLE);
      assertThat(latest.environment().variables()).doesNotContainKey("STOLEN");
    }
    functionReason(h.client(), "other", "thief", "NotOwned");
  }

  @Test
  void recognisesAFunctionTaggedByAnOlderOperatorAndAddsTheUidOnce() {
    var owner = victim();
    h.stopOperator();
    try (var lambda = h.lambda()) {
      var arn = lambda.getFunction(r -> r.functionName(VICTIM)).configuration().functionArn();
      lambda.tagResource(
          r ->
              r.resource(arn)
                  .tags(Map.of(Api.OWNER_TAG, "default/LmiFunction/orders/list-orders")));
    }
    h.emulator().admin().resetCounters();
    h.startOperator();
    await()
        .atMost(Awaits.TIMEOUT)
        .untilAsserted(
            () ->
                assertThat(tagsInAws(VICTIM).get(Api.OWNER_TAG))
                    .endsWith("/" + owner.getMetadata().getUid()));
    functionReason(h.client(), "orders", "list-orders", "Ready");
    assertThat(h.emulator().admin().counters().get("TagResource")).isEqualTo(Map.of("ok", 1L));
  }

  @Test
  void aRetainedFunctionPassesToTheNextObjectOfTheSameName() {
    h.client().resource(Resources.provider("orders-pool", "orders")).create();
    var first = Resources.function("orders", "list-orders", "orders-pool");
    first.getSpec().setDeletionPolicy(DeletionPolicy.RETAIN);
    h.client().resource(first).create();
    var uid = functionReason(h.client(), "orders", "list-orders", "Ready").getMetadata().getUid();
    h.client().resource(first).delete();
    await()
        .atMost(Awaits.TIMEOUT)
        .until(() -> function(h.client(), "orders", "list-orders") == null);
    assertThat(tagsInAws(VICTIM).get(Api.OWNER_TAG)).doesNotContain(uid);

    h.client().resource(Resources.function("orders", "list-orders", "orders-pool")).create();
    var second = functionReason(h.client(), "orders", "list-orders", "Ready");
    assertThat(tagsInAws(VICTIM).get(Api.OWNER_TAG)).endsWith("/" + second.getMetadata().getUid());
    assertThat(h.emulator().admin().counters().get("CreateFunction")).containsEntry("ok", 1L);
  }

  @Test
  void neverAdoptsNorDeletesAProviderAnotherClusterOwns() {
    var foreign = "prod/CapacityProvider/orders-pool/" + UUID.randomUUID();
    try (var lambda = h.lambda()) {
      lambda.createCapacityProvider(
          r ->
              r.capacityProviderName("orders-pool")
                  .vpcConfig(
                      v ->
                          v.subnetIds(Resources.SUBNETS).securityGroupIds(Resources.SECURITY_GROUP))
                  .permissionsConfig(
                      p ->
                          p.capacityProviderOperatorRoleArn(
                              "arn:aws:iam::123456789012:role/lmi-operator"))
                  .instanceRequirements(i -> i.architectures(Architecture.ARM64))
                  .tags(Map.of(Api.OWNER_TAG, foreign)));
    }
    var cp = Resources.provider("orders-pool", "orders");
    cp.getMetadata().setAnnotations(Map.of(Api.ADOPT_ANNOTATION, "true"));
    h.client().resource(cp).create();
    var refused = providerReason(h.client(), "orders-pool", "NotOwned");
    assertThat(refused.getStatus().getConditions().get(0).getMessage()).contains("cluster prod");

    h.client().resources(CapacityProvider.class).withName("orders-pool").delete();
    await().atMost(Awaits.TIMEOUT).until(() -> provider(h.client(), "orders-pool") == null);
    try (var lambda = h.lambda()) {
      var arn =
          lambda
              .getCapacityProvider(r -> r.capacityProviderName("orders-pool"))
              .capacityProvider()
              .capacityProviderArn();
      assertThat(lambda.listTags(r -> r.resource(arn)).tags())
          .containsEntry(Api.OWNER_TAG, foreign);
    }
  }

  @Test
  void deletesOnlyTheVpcEndpointsWhoseOwnerTagNamesTheProvider() throws InterruptedException {
    var cp = Resources.provider("orders-pool", "orders");
    cp.getSpec().getVpc().setPrivateServices(List.of("logs"));
    cp.getSpec().getVpc().setCreateMissingEndpoints(true);
    h.client().resource(cp).create();
    var ready = providerReason(h.client(), "orders-pool", "Ready");
    try (var ec2 = ec2()) {
      var someoneElses =
          ec2.createVpcEndpoint(
                  r ->
                      r.vpcId("vpc-0e1a1b2c3d4e5f601")
                          .serviceName("com.amazonaws.us-east-1.xray")
                          .vpcEndpointType(VpcEndpointType.INTERFACE)
                          .subnetIds(Resources.SUBNETS.get(0))
                          .securityGroupIds(Resources.SECURITY_GROUP))
              .vpcEndpoint()
              .vpcEndpointId();
      // Whoever can write the provider's status names someone else's endpoint as created by it.
      var created = new ArrayList<>(ready.getStatus().getCreatedEndpoints());
      created.add(someoneElses);
      ready.getStatus().setCreatedEndpoints(created);
      h.client().resource(ready).updateStatus();
      Thread.sleep(1000);

      h.client().resources(CapacityProvider.class).withName("orders-pool").delete();
      await().atMost(Awaits.TIMEOUT).until(() -> provider(h.client(), "orders-pool") == null);

      var left =
          ec2.describeVpcEndpoints().vpcEndpoints().stream()
              .filter(e -> !"deleted".equalsIgnoreCase(e.stateAsString()))
              .map(VpcEndpoint::vpcEndpointId)
              .toList();
      assertThat(left).containsExactly(someoneElses);
    }
  }

  private Ec2Client ec2() {
    return Ec2Client.builder()
        .region(Region.US_EAST_1)
        .credentialsProvider(OperatorHarness.CREDENTIALS)
        .endpointOverride(h.emulator().endpoint())
        .build();
  }

  @Test
  void theFirstProviderObjectKeepsAnAwsNameASecondOneClaims() {
    h.client().resource(Resources.provider("orders-pool", "orders")).create();
    providerReason(h.client(), "orders-pool", "Ready");
    var second = Resources.provider("copy", "orders");
    second.getSpec().setAwsName("orders-pool");
    second.getMetadata().setAnnotations(Map.of(Api.ADOPT_ANNOTATION, "true"));
    h.client().resource(second).create();
    var refused = providerReason(h.client(), "copy", "NotOwned");
    assertThat(refused.getStatus().getConditions().get(0).getMessage())
        .contains("CapacityProvider orders-pool");

    h.client().resources(CapacityProvider.class).withName("copy").delete();
    await().atMost(Awaits.TIMEOUT).until(() -> provider(h.client(), "copy") == null);
    providerReason(h.client(), "orders-pool", "Ready");
    try (var lambda = h.lambda()) {
      assertThat(
              lambda
                  .getCapacityProvider(r -> r.capacityProviderName("orders-pool"))
                  .capacityProvider()
                  .stateAsString())
          .isEqualTo("Active");
    }
  }
}
