package dev.lmi.operator.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.lmi.emulator.Faults;
import dev.lmi.emulator.Timings;
import dev.lmi.operator.api.Api;
import dev.lmi.operator.api.CapacityProvider;
import dev.lmi.operator.api.DeletionPolicy;
import dev.lmi.operator.api.LmiFunction;
import dev.lmi.operator.reconciler.OperatorSettings;
import dev.lmi.operator.reconciler.plan.FunctionDesired;
import dev.lmi.operator.status.Conditions;
import dev.lmi.operator.testing.OperatorHarness;
import dev.lmi.operator.testing.Resources;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;

/** Never stuck, never duplicated, never orphaned: 50 functions through faults and restarts. */
class ChaosIT {
  private static final Duration CONVERGE = Duration.ofSeconds(150);
  private static final String NS = "orders";
  private OperatorHarness h;

  @AfterEach
  void stop() {
    h.close();
  }

  @Test
  void fiftyFunctionsConvergeThroughFaultsAndRestartsThenDeleteCleanly()
      throws InterruptedException {
    h = new OperatorHarness(Timings.fast()).withConcurrency(12);
    h.withSettings(
        OperatorSettings.defaults()
            .withPoll(Duration.ofMillis(300))
            .withResync(Duration.ofSeconds(20)));
    h.startOperator();
    h.emulator()
        .admin()
        .setFaults("*", new Faults(0.10, 0.10, Duration.ofMillis(2), Duration.ofMillis(20), 7));
    var providers = List.of("pool-a", "pool-b", "pool-kept");
    for (var p : providers) {
      var cp = Resources.provider(p, NS);
      cp.getSpec()
          .setDeletionPolicy(p.equals("pool-kept") ? DeletionPolicy.RETAIN : DeletionPolicy.DELETE);
      h.client().resource(cp).create();
    }
    var names = new ArrayList<String>();
    for (var i = 0; i < 50; i++) {
      var provider = providers.get(i % 3);
      var fn = Resources.function(NS, "fn-" + i, provider);
      fn.getSpec().setKeepVersions(1);
      fn.getSpec()
          .setDeletionPolicy(
              provider.equals("pool-kept") ? DeletionPolicy.RETAIN : DeletionPolicy.DELETE);
      h.client().resource(fn).create();
      names.add("fn-" + i);
    }
    Thread.sleep(2000);
    h.stopOperator();
    for (var i = 0; i < 50; i += 5) {
      var fn = h.client().resources(LmiFunction.class).inNamespace(NS).withName("fn-" + i).get();
      fn.getSpec().getCode().getS3().setObjectVersion("2");
      h.client().resource(fn).update();
    }
    h.startOperator();
    Thread.sleep(3000);
    h.stopOperator();
    h.startOperator();
    await()
        .atMost(CONVERGE)
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> names.stream().allMatch(this::ready));
    h.emulator().admin().clearFaults();

    try (var lambda = h.lambda()) {
      var inAws = functionNames(lambda);
      assertThat(inAws).hasSize(50).allMatch(n -> n.startsWith(NS + "-fn-"));
      for (var i = 0; i < 50; i++) {
        var awsName = NS + "-fn-" + i;
        assertThat(lambda.listAliases(r -> r.functionName(awsName)).aliases()).hasSize(1);
        var numbered =
            lambda.listVersionsByFunction(r -> r.functionName(awsName)).versions().stream()
                .map(FunctionConfiguration::version)
                .filter(v -> !v.equals("$LATEST"))
                .toList();
        var alias = lambda.getAlias(r -> r.functionName(awsName).name("live")).functionVersion();
        assertThat(numbered).as("versions of %s", awsName).containsExactly(alias);
        var identity = "s3://artifacts/orders/handler.jar?versionId=" + (i % 5 == 0 ? "2" : "1");
        var tags = lambda.getFunction(r -> r.functionName(awsName)).tags();
        assertThat(tags).containsEntry(Api.CODE_TAG, FunctionDesired.codeTag(identity));
      }
    }

    names.forEach(
        n -> h.client().resources(LmiFunction.class).inNamespace(NS).withName(n).delete());
    providers.forEach(p -> h.client().resources(CapacityProvider.class).withName(p).delete());
    await()
        .atMost(CONVERGE)
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                h.client().resources(LmiFunction.class).inNamespace(NS).list().getItems().isEmpty()
                    && h.client().resources(CapacityProvider.class).list().getItems().isEmpty());
    try (var lambda = h.lambda()) {
      var kept = new ArrayList<String>();
      for (var i = 2; i < 50; i += 3) {
        kept.add(NS + "-fn-" + i);
      }
      assertThat(functionNames(lambda)).containsExactlyInAnyOrderElementsOf(kept);
      assertThat(lambda.listCapacityProviders(r -> {}).capacityProviders())
          .extracting(c -> c.capacityProviderArn().replaceAll(".*:", ""))
          .containsExactly("pool-kept");
    }
  }

  private boolean ready(String name) {
    var fn = h.client().resources(LmiFunction.class).inNamespace(NS).withName(name).get();
    return fn.getStatus() != null
        && "Ready".equals(Conditions.readyReason(fn.getStatus().getConditions()))
        && fn.getMetadata().getGeneration().equals(fn.getStatus().getObservedGeneration());
  }

  private static List<String> functionNames(LambdaClient lambda) {
    return lambda.listFunctionsPaginator(r -> {}).functions().stream()
        .map(FunctionConfiguration::functionName)
        .toList();
  }
}
