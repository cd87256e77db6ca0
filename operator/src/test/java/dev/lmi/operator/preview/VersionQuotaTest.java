package dev.lmi.operator.preview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lmi.operator.api.CapacityProvider;
import dev.lmi.operator.api.ObjectPlan;
import dev.lmi.operator.api.PlanStep;
import dev.lmi.operator.aws.CapacityProviderGateway;
import dev.lmi.operator.aws.Gateways;
import dev.lmi.operator.aws.ProviderView;
import dev.lmi.operator.aws.RegionalGateways;
import dev.lmi.operator.testing.Resources;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The plan command flags publishes that would take a provider past AWS's 100 versions. */
class VersionQuotaTest {
  private static final String POOL = "orders-pool";

  private static RegionalGateways attached(int versions) {
    var providers =
        (CapacityProviderGateway)
            Proxy.newProxyInstance(
                CapacityProviderGateway.class.getClassLoader(),
                new Class<?>[] {CapacityProviderGateway.class},
                (proxy, method, args) -> {
                  assertThat(method.getName()).isEqualTo("attachedVersions");
                  return IntStream.range(0, versions).mapToObj(i -> "fn-" + i + ":1").toList();
                });
    return new RegionalGateways() {
      @Override
      public Gateways forRegion(String region) {
        return new Gateways(providers, null, null, null);
      }

      @Override
      public String defaultRegion() {
        return "us-east-1";
      }
    };
  }

  private static ObjectPlan publishing() {
    var step = new PlanStep();
    step.setType("Publish");
    step.setAwsCalls(List.of("PublishVersion"));
    var entry = new ObjectPlan();
    entry.setChange(ObjectPlan.UPDATE);
    entry.setActions(List.of(step));
    return entry;
  }

  private static List<ObjectPlan> check(int attached, int publishing) {
    var functions =
        IntStream.range(0, publishing)
            .mapToObj(i -> Resources.function("orders", "fn-" + i, POOL))
            .toList();
    var entries = functions.stream().map(f -> publishing()).toList();
    Map<String, CapacityProvider> manifests = Map.of(POOL, Resources.provider(POOL, "orders"));
    Map<String, ProviderView> inAws =
        Map.of("us-east-1/" + POOL, new ProviderView("arn:" + POOL, "Active", null, null));
    new VersionQuota(attached(attached), manifests, inAws).check(functions, entries);
    return entries;
  }

  @Test
  void flagsEveryPublishOfAProviderThatWouldPassOneHundredVersions() {
    var entries = check(99, 2);

    assertThat(entries)
        .allSatisfy(
            e ->
                assertThat(e.getErrors())
                    .singleElement()
                    .asString()
                    .contains("100 function versions per capacity provider on orders-pool")
                    .contains("99 attached now, 2 planned"));
  }

  @Test
  void saysNothingWhileTheVersionsFit() {
    assertThat(check(98, 2)).allSatisfy(e -> assertThat(e.getErrors()).isNull());
  }
}
