package dev.lmi.operator.reconciler;

import static dev.lmi.operator.testing.Awaits.function;
import static dev.lmi.operator.testing.Awaits.functionReason;
import static dev.lmi.operator.testing.Awaits.provider;
import static dev.lmi.operator.testing.Awaits.providerReason;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lmi.emulator.Timings;
import dev.lmi.operator.api.CapacityProvider;
import dev.lmi.operator.api.LmiFunction;
import dev.lmi.operator.api.TenancySpec;
import dev.lmi.operator.testing.OperatorHarness;
import dev.lmi.operator.testing.Resources;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A provider's tenancy scopes the roles and code its functions may use, before any AWS call. */
class TenancyIT {
  private static final String ORDERS_ROLES = "arn:aws:iam::123456789012:role/orders-*";
  private static final String ORDERS_CODE = "s3://artifacts/orders/*";
  private static final String ORDERS_IMAGES = "123456789012.dkr.ecr.*.amazonaws.com/orders/*";
  private OperatorHarness h;

  @BeforeEach
  void start() {
    h = new OperatorHarness(Timings.fast());
    h.withSettings(
        OperatorSettings.defaults()
            .withPoll(Duration.ofMillis(200))
            .withResync(Duration.ofSeconds(30)));
    h.startOperator();
  }

  @AfterEach
  void stop() {
    h.close();
  }

  private void scopedProvider() {
    var cp = Resources.provider("orders-pool", "orders");
    var tenancy = new TenancySpec();
    tenancy.setRoleArnPatterns(List.of(ORDERS_ROLES));
    tenancy.setCodePatterns(List.of(ORDERS_CODE, ORDERS_IMAGES));
    cp.getSpec().setTenancy(tenancy);
    h.client().resource(cp).create();
    providerReason(h.client(), "orders-pool", "Ready");
  }

  private LmiFunction create(String name, Consumer<LmiFunction> change) {
    var fn = Resources.function("orders", name, "orders-pool");
    fn.getSpec().setRoleArn("arn:aws:iam::123456789012:role/orders-" + name);
    change.accept(fn);
    return h.client().resource(fn).create();
  }

  private String refusal(String name) {
    return functionReason(h.client(), "orders", name, "TenancyViolation")
        .getStatus()
        .getConditions()
        .get(0)
        .getMessage();
  }

  @Test
  void refusesARoleOrCodeOutsideTheProvidersPatternsWithoutCallingAws() {
    scopedProvider();
    create("admin", f -> f.getSpec().setRoleArn("arn:aws:iam::123456789012:role/admin"));
    create("payments", f -> f.getSpec().getCode().getS3().setKey("payments/handler.jar"));
    create(
        "sneaky",
        f -> {
          f.getSpec().getCode().setS3(null);
          f.getSpec().setRuntime(null);
          f.getSpec().setHandler(null);
          f.getSpec()
              .getCode()
              .setImageUri("123456789012.dkr.ecr.evil.io/x.amazonaws.com/orders/app:1");
        });
    create("fine", f -> {});

    assertThat(refusal("admin"))
        .contains("spec.roleArn", "role/admin", "tenancy.roleArnPatterns: " + ORDERS_ROLES);
    assertThat(refusal("payments"))
        .contains("spec.code.s3", "s3://artifacts/payments/handler.jar", "tenancy.codePatterns");
    assertThat(refusal("sneaky")).contains("spec.code.imageUri", "evil.io");
    functionReason(h.client(), "orders", "fine", "Ready");
    var calls = h.emulator().admin().counters();
    assertThat(calls.get("CreateFunction")).as("%s", calls).isEqualTo(Map.of("ok", 1L));
  }

  @Test
  void narrowingTheTenancyAppliesAtOnceAndWritesNothing() {
    scopedProvider();
    create("list", f -> {});
    functionReason(h.client(), "orders", "list", "Ready");
    h.emulator().admin().resetCounters();

    var cp = provider(h.client(), "orders-pool");
    cp.getSpec().getTenancy().setCodePatterns(List.of("s3://artifacts/orders/v2/*"));
    h.client().resource(cp).update();

    assertThat(refusal("list")).contains("s3://artifacts/orders/handler.jar");
    assertThat(h.emulator().admin().writeCalls())
        .as("%s", h.emulator().admin().counters())
        .isZero();
  }

  @Test
  void aTenancyFieldThisVersionDoesNotKnowClosesTheProviderInsteadOfBeingIgnored() {
    var cp = Resources.provider("orders-pool", "orders");
    ObjectNode json = Serialization.jsonMapper().valueToTree(cp);
    ((ObjectNode) json.get("spec"))
        .putObject("tenancy")
        .putArray("layerPatterns")
        .add("arn:aws:lambda:*:123456789012:layer:orders-*");
    var raw = Serialization.jsonMapper().convertValue(json, GenericKubernetesResource.class);
    h.client()
        .genericKubernetesResources(
            ResourceDefinitionContext.fromResourceType(CapacityProvider.class))
        .resource(raw)
        .create();

    var invalid = providerReason(h.client(), "orders-pool", "InvalidSpec");
    assertThat(invalid.getStatus().getConditions().get(0).getMessage())
        .contains("spec.tenancy.layerPatterns", "not known to this version");
    create("list", f -> {});
    var waiting = functionReason(h.client(), "orders", "list", "WaitingForProvider");
    assertThat(waiting.getStatus().getConditions().get(0).getMessage()).contains("cannot read");
    assertThat(h.emulator().admin().counters()).doesNotContainKeys("CreateCapacityProvider");
    assertThat(function(h.client(), "orders", "list").getStatus().getFunctionArn()).isNull();
  }
}
