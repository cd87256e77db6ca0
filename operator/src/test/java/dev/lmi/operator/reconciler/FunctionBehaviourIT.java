package dev.lmi.operator.reconciler;

import static dev.lmi.operator.testing.Awaits.function;
import static dev.lmi.operator.testing.Awaits.functionReason;
import static dev.lmi.operator.testing.Awaits.providerReason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.lmi.emulator.Faults;
import dev.lmi.emulator.Timings;
import dev.lmi.operator.api.Api;
import dev.lmi.operator.api.Architecture;
import dev.lmi.operator.api.LmiFunction;
import dev.lmi.operator.status.Conditions;
import dev.lmi.operator.testing.Awaits;
import dev.lmi.operator.testing.OperatorHarness;
import dev.lmi.operator.testing.Resources;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;

class FunctionBehaviourIT {
  private static final String AWS_NAME = "orders-list-orders";
  private OperatorHarness h;

  @AfterEach
  void stop() {
    if (h != null) {
      h.close();
    }
  }

  private void start(Duration resync) {
    start(Timings.fast(), resync);
  }

  private void start(Timings timings, Duration resync) {
    h = new OperatorHarness(timings);
    h.withSettings(OperatorSettings.defaults().withPoll(Duration.ofMillis(200)).withResync(resync));
    h.startOperator();
  }

  private LmiFunction converge() {
    h.client().resource(Resources.provider("orders-pool", "orders")).create();
    providerReason(h.client(), "orders-pool", "Ready");
    h.client().resource(Resources.function("orders", "list-orders", "orders-pool")).create();
    return functionReason(h.client(), "orders", "list-orders", "Ready");
  }

  /** Waits until the alias serves this version and the function is Ready. */
  private void awaitReadyOnVersion(String version, Duration atMost) {
    await()
        .atMost(atMost)
        .until(
            () -> {
              var st = function(h.client(), "orders", "list-orders").getStatus();
              return st != null
                  && version.equals(st.getAliasVersion())
                  && "Ready".equals(Conditions.readyReason(st.getConditions()));
            });
  }

  /** Every version of the function in AWS, $LATEST first. */
  private List<String> versionsInAws() {
    try (var lambda = h.lambda()) {
      return lambda.listVersionsByFunction(r -> r.functionName(AWS_NAME)).versions().stream()
          .map(FunctionConfiguration::version)
          .toList();
    }
  }

  private void edit(Consumer<LmiFunction> change) {
    var fn = function(h.client(), "orders", "list-orders");
    change.accept(fn);
    h.client().resource(fn).update();
  }

  @Test
  void failedInitKeepsAliasOnLastGoodVersionAndSaysWhatToDo() {
    start(Duration.ofSeconds(30));
    converge();
    h.emulator()
        .admin()
        .failNextPublish(AWS_NAME, "FunctionError.InitResourceExhausted", "init ran out of memory");
    edit(fn -> fn.getSpec().getCode().getS3().setObjectVersion("2"));
    var failed = functionReason(h.client(), "orders", "list-orders", "VersionFailed");
    var ready = failed.getStatus().getConditions().get(0);
    assertThat(ready.getMessage())
        .contains(
            "FunctionError.InitResourceExhausted", "alias stays on version 1", "Raise memoryMiB");
    assertThat(failed.getStatus().getAliasVersion()).isEqualTo("1");
    try (var lambda = h.lambda()) {
      assertThat(lambda.getAlias(r -> r.functionName(AWS_NAME).name("live")).functionVersion())
          .isEqualTo("1");
    }

    edit(fn -> fn.getSpec().setMemoryMiB(4096));
    var fixed = functionReason(h.client(), "orders", "list-orders", "Ready");
    assertThat(fixed.getStatus().getAliasVersion()).isEqualTo("3");
    assertThat(fixed.getStatus().getFailedVersion()).isNull();
  }

  @Test
  void retentionNeitherCountsAFailedVersionNorPrunesTheLastGoodOneForIt() {
    start(Duration.ofSeconds(30));
    converge(); // keepVersions 2: version 1 serves
    h.emulator()
        .admin()
        .failNextPublish(AWS_NAME, "FunctionError.InitResourceExhausted", "init ran out of memory");
    edit(fn -> fn.getSpec().getCode().getS3().setObjectVersion("2"));
    functionReason(h.client(), "orders", "list-orders", "VersionFailed");

    edit(fn -> fn.getSpec().setMemoryMiB(4096));
    awaitReadyOnVersion("3", Awaits.TIMEOUT);

    // Version 1 is the rollback target until another good version exists; the failed 2 is no
    // version worth keeping and counts for nothing.
    assertThat(versionsInAws()).containsExactly("$LATEST", "1", "3");
    assertThat(function(h.client(), "orders", "list-orders").getStatus().getVersions())
        .containsExactly("1", "3");
  }

  @Test
  void keepsOnlyKeepVersionsPublishedVersionsAndNeverTheAliasTarget() {
    start(Duration.ofSeconds(30));
    converge(); // keepVersions 2
    for (var v = 2; v <= 4; v++) {
      var objectVersion = String.valueOf(v);
      edit(fn -> fn.getSpec().getCode().getS3().setObjectVersion(objectVersion));
      awaitReadyOnVersion(objectVersion, Duration.ofSeconds(30));
    }
    assertThat(versionsInAws()).containsExactly("$LATEST", "3", "4");
    try (var lambda = h.lambda()) {
      assertThat(lambda.getAlias(r -> r.functionName(AWS_NAME).name("live")).functionVersion())
          .isEqualTo("4");
    }
    assertThat(function(h.client(), "orders", "list-orders").getStatus().getVersions())
        .containsExactly("3", "4");
  }

  @Test
  void aSpecChangeWhileAVersionIsStartingIsAppliedAndPublished() {
    // Versions take 3 s to start: long enough to change the spec while one is Publishing.
    var slowPublish =
        new Timings(
            Duration.ofMillis(150),
            Duration.ofMillis(100),
            Duration.ofSeconds(3),
            Duration.ofMillis(100),
            Duration.ofMillis(100),
            true);
    start(slowPublish, Duration.ofMinutes(5));
    h.client().resource(Resources.provider("orders-pool", "orders")).create();
    providerReason(h.client(), "orders-pool", "Ready");
    h.client().resource(Resources.function("orders", "list-orders", "orders-pool")).create();
    functionReason(h.client(), "orders", "list-orders", "Publishing");

    edit(fn -> fn.getSpec().setTimeoutSeconds(42));

    awaitReadyOnVersion("2", Duration.ofSeconds(45));
    try (var lambda = h.lambda()) {
      assertThat(lambda.getFunctionConfiguration(r -> r.functionName(AWS_NAME)).timeout())
          .isEqualTo(42);
      assertThat(
              lambda
                  .getFunctionConfiguration(r -> r.functionName(AWS_NAME).qualifier("2"))
                  .timeout())
          .isEqualTo(42);
    }
  }

  @Test
  void functionsAreJudgedAgainstTheProviderAwsHasNotAChangeItRefused() {
    start(Duration.ofSeconds(30));
    converge(); // provider and function on arm64
    var cp = Awaits.provider(h.client(), "orders-pool");
    cp.getSpec().getInstanceRequirements().setArchitecture(Architecture.X86_64);
    h.client().resource(cp).update();
    providerReason(h.client(), "orders-pool", "CreateOnlyFieldChanged");

    // The provider in AWS is still arm64 and Active: the function goes on converging on it.
    edit(fn -> fn.getSpec().setTimeoutSeconds(42));
    awaitReadyOnVersion("2", Awaits.TIMEOUT);
    assertThat(Awaits.provider(h.client(), "orders-pool").getStatus().getArchitecture())
        .isEqualTo("arm64");
  }

  @Test
  void refusesNamespaceTheProviderDoesNotAllowWithoutCallingAws() {
    start(Duration.ofSeconds(30));
    h.client().resource(Resources.provider("orders-pool", "orders")).create();
    providerReason(h.client(), "orders-pool", "Ready");
    h.client().resource(Resources.function("other", "sneaky", "orders-pool")).create();
    var fn = functionReason(h.client(), "other", "sneaky", "NamespaceNotAllowed");
    assertThat(fn.getStatus().getConditions().get(0).getMessage())
        .contains("does not allow namespace other");
    var counters = h.emulator().admin().counters();
    assertThat(counters).doesNotContainKeys("CreateFunction", "GetFunction");
  }

  @Test
  void putsBackDriftedConfigurationAliasAndScaling() {
    start(Duration.ofSeconds(1));
    converge();
    edit(fn -> fn.getSpec().getCode().getS3().setObjectVersion("2"));
    await()
        .atMost(Awaits.TIMEOUT)
        .until(
            () ->
                "2"
                    .equals(
                        function(h.client(), "orders", "list-orders")
                            .getStatus()
                            .getAliasVersion()));
    functionReason(h.client(), "orders", "list-orders", "Ready");
    try (var lambda = h.lambda()) {
      lambda.updateAlias(r -> r.functionName(AWS_NAME).name("live").functionVersion("1"));
      lambda.putFunctionScalingConfig(
          r ->
              r.functionName(AWS_NAME)
                  .qualifier("2")
                  .functionScalingConfig(
                      s -> s.minExecutionEnvironments(1).maxExecutionEnvironments(1)));
      await()
          .atMost(Awaits.TIMEOUT)
          .ignoreExceptions()
          .until(
              () -> {
                lambda.updateFunctionConfiguration(r -> r.functionName(AWS_NAME).memorySize(4096));
                return true;
              });
      await()
          .atMost(Awaits.TIMEOUT)
          .pollInterval(Duration.ofMillis(200))
          .untilAsserted(
              () -> {
                assertThat(
                        lambda
                            .getAlias(r -> r.functionName(AWS_NAME).name("live"))
                            .functionVersion())
                    .isEqualTo("2");
                var latest = lambda.getFunctionConfiguration(r -> r.functionName(AWS_NAME));
                assertThat(latest.memorySize()).isEqualTo(2048);
                var scaling =
                    lambda.getFunctionScalingConfig(r -> r.functionName(AWS_NAME).qualifier("2"));
                assertThat(scaling.appliedFunctionScalingConfig().minExecutionEnvironments())
                    .isEqualTo(3);
                assertThat(scaling.appliedFunctionScalingConfig().maxExecutionEnvironments())
                    .isEqualTo(4);
              });
    }
  }

  @Test
  void createsTheFunctionAndItsFirstVersionInOneCall() {
    start(Duration.ofSeconds(30));
    var ready = converge();
    var calls = h.emulator().admin().counters();
    assertThat(calls.get("CreateFunction")).as("%s", calls).isEqualTo(Map.of("ok", 1L));
    assertThat(calls).as("%s", calls).doesNotContainKey("PublishVersion");
    assertThat(ready.getStatus().getPublishedVersion()).isEqualTo("1");
    assertThat(ready.getStatus().getAliasVersion()).isEqualTo("1");
  }

  @Test
  void createsFunctionAliasAndScalingWithoutFirstReadingThatTheyAreAbsent() {
    start(Duration.ofSeconds(30));
    converge();
    var calls = h.emulator().admin().counters();
    // Nothing was on record, so nothing was read to learn that it did not exist yet.
    for (var op :
        List.of(
            "GetFunction", "GetFunctionConfiguration", "GetAlias", "GetFunctionScalingConfig")) {
      assertThat(calls.getOrDefault(op, Map.of()))
          .as("%s", calls)
          .doesNotContainKey("ResourceNotFoundException");
    }
    assertThat(calls).as("%s", calls).doesNotContainKey("GetAlias");
    assertThat(calls.get("CreateAlias")).as("%s", calls).isEqualTo(Map.of("ok", 1L));
    assertThat(calls.get("PutFunctionScalingConfig")).as("%s", calls).isEqualTo(Map.of("ok", 1L));
    assertThat(calls.get("GetFunctionScalingConfig").get("ok")).as("%s", calls).isPositive();
  }

  @Test
  void refusesAFunctionItDidNotCreateAndDoesNotTryToCreateItAgain() throws InterruptedException {
    start(Duration.ofMillis(500));
    var providerArn = providerArn();
    createOutsideTheOperator(providerArn);
    h.emulator().admin().resetCounters();
    h.client().resource(Resources.function("orders", "list-orders", "orders-pool")).create();
    var refused = functionReason(h.client(), "orders", "list-orders", "NotOwned");
    assertThat(refused.getStatus().getConditions().get(0).getMessage())
        .contains(AWS_NAME, "lmi.dev/adopt");
    // Several resyncs later the name is still only read: the create AWS refused is not retried.
    Thread.sleep(2000);
    var calls = h.emulator().admin().counters();
    assertThat(calls.get("CreateFunction"))
        .as("%s", calls)
        .isEqualTo(Map.of("ResourceConflictException", 1L));
    assertThat(calls.get("GetFunction").get("ok")).as("%s", calls).isGreaterThan(1L);
    assertThat(h.emulator().admin().writeCalls()).as("%s", calls).isEqualTo(1);
    try (var lambda = h.lambda()) {
      var tags = lambda.getFunction(r -> r.functionName(AWS_NAME)).tags();
      assertThat(tags).doesNotContainKey(Api.OWNER_TAG);
      assertThat(lambda.getAlias(r -> r.functionName(AWS_NAME).name("live")).functionVersion())
          .isEqualTo("1");
    }
  }

  @Test
  void adoptsAnExistingFunctionAndMovesItsAliasWhenAsked() {
    start(Duration.ofMillis(500));
    createOutsideTheOperator(providerArn());
    h.emulator().admin().resetCounters();
    var fn = Resources.function("orders", "list-orders", "orders-pool");
    fn.getMetadata().setAnnotations(Map.of(Api.ADOPT_ANNOTATION, "true"));
    h.client().resource(fn).create();
    var ready = functionReason(h.client(), "orders", "list-orders", "Ready");
    // Its settings differed from the spec: they were updated and published as version 2, and
    // the alias someone else created was found (AWS refused to create it again) and moved.
    assertThat(ready.getStatus().getAliasVersion()).isEqualTo("2");
    var calls = h.emulator().admin().counters();
    assertThat(calls.get("CreateAlias"))
        .as("%s", calls)
        .containsEntry("ResourceConflictException", 1L)
        .doesNotContainKey("ok");
    assertThat(calls.get("UpdateAlias")).as("%s", calls).isEqualTo(Map.of("ok", 1L));
    try (var lambda = h.lambda()) {
      assertThat(lambda.getFunction(r -> r.functionName(AWS_NAME)).tags())
          .containsKey(Api.OWNER_TAG);
      assertThat(lambda.getAlias(r -> r.functionName(AWS_NAME).name("live")).functionVersion())
          .isEqualTo("2");
      assertThat(lambda.getFunctionConfiguration(r -> r.functionName(AWS_NAME)).role())
          .isEqualTo("arn:aws:iam::123456789012:role/list-orders");
    }
  }

  private String providerArn() {
    h.client().resource(Resources.provider("orders-pool", "orders")).create();
    return providerReason(h.client(), "orders-pool", "Ready").getStatus().getArn();
  }

  /** The function and its alias as another tool would have made them, without our tags. */
  private void createOutsideTheOperator(String providerArn) {
    try (var lambda = h.lambda()) {
      lambda.createFunction(
          r ->
              r.functionName(AWS_NAME)
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
      await()
          .atMost(Awaits.TIMEOUT)
          .until(
              () ->
                  "Active"
                      .equals(
                          lambda
                              .getFunctionConfiguration(
                                  r -> r.functionName(AWS_NAME).qualifier("1"))
                              .stateAsString()));
      lambda.createAlias(r -> r.functionName(AWS_NAME).name("live").functionVersion("1"));
    }
  }

  @Test
  void makesNoWriteCallsOnResyncWhenEverythingIsInSync() throws InterruptedException {
    start(Duration.ofMillis(500));
    converge();
    Thread.sleep(1500);
    h.emulator().admin().resetCounters();
    Thread.sleep(2500);
    assertThat(h.emulator().admin().writeCalls())
        .as("%s", h.emulator().admin().counters())
        .isZero();
    assertThat(h.emulator().admin().readCalls()).isPositive();
  }

  @Test
  void convergesDespiteTwentyPercentThrottlingAndServerErrors() {
    start(Duration.ofSeconds(30));
    h.emulator()
        .admin()
        .setFaults("*", new Faults(0.10, 0.10, Duration.ZERO, Duration.ofMillis(20), 42));
    h.client().resource(Resources.provider("orders-pool", "orders")).create();
    for (var name : new String[] {"a", "b", "c"}) {
      h.client().resource(Resources.function("orders", name, "orders-pool")).create();
    }
    for (var name : new String[] {"a", "b", "c"}) {
      functionReason(h.client(), "orders", name, "Ready");
    }
    h.emulator().admin().clearFaults();
    try (var lambda = h.lambda()) {
      var attached =
          lambda
              .listFunctionVersionsByCapacityProvider(r -> r.capacityProviderName("orders-pool"))
              .functionVersions();
      assertThat(attached)
          .extracting(v -> v.functionArn().replaceAll(".*:function:", ""))
          .containsExactlyInAnyOrder("orders-a:1", "orders-b:1", "orders-c:1");
      for (var n : new String[] {"orders-a", "orders-b", "orders-c"}) {
        assertThat(lambda.listAliases(r -> r.functionName(n)).aliases()).hasSize(1);
      }
    }
  }

  @Test
  void prunesVersionsBeyondRetentionWhenTheRecordOfThemWasLost() {
    start(Duration.ofSeconds(30));
    converge();
    h.stopOperator();
    // Lose the whole status, as if no write of the first operator had reached the API server,
    // and change the code meanwhile: the next operator publishes version 2 and keeps only it.
    var fn = function(h.client(), "orders", "list-orders");
    fn.setStatus(null);
    h.client().resource(fn).updateStatus();
    edit(
        f -> {
          f.getSpec().setKeepVersions(1);
          f.getSpec().getCode().getS3().setObjectVersion("2");
        });
    h.startOperator();
    awaitReadyOnVersion("2", Awaits.TIMEOUT);
    assertThat(versionsInAws()).containsExactly("$LATEST", "2");
    assertThat(function(h.client(), "orders", "list-orders").getStatus().getVersions())
        .containsExactly("2");
  }

  @Test
  void restartInMidPublishConvergesWithoutDuplicateVersions() {
    start(Timings.fast().withAllDelays(Duration.ofMillis(1500)), Duration.ofSeconds(30));
    h.client().resource(Resources.provider("orders-pool", "orders")).create();
    h.client().resource(Resources.function("orders", "list-orders", "orders-pool")).create();
    // CreateFunction publishes the first version; stop while it is still starting.
    await()
        .atMost(Awaits.TIMEOUT)
        .until(
            () -> {
              var st = function(h.client(), "orders", "list-orders").getStatus();
              return st != null
                  && "1".equals(st.getPublishedVersion())
                  && !"Active".equals(st.getPublishedVersionState());
            });
    h.stopOperator();
    // Lose what the first operator recorded about the publish, as if it died before writing it.
    var fn = function(h.client(), "orders", "list-orders");
    fn.getStatus().setPublishedHash(null);
    fn.getStatus().setPublishedVersion(null);
    fn.getStatus().setPublishedVersionState(null);
    h.client().resource(fn).updateStatus();
    h.startOperator();
    var ready = functionReason(h.client(), "orders", "list-orders", "Ready");
    assertThat(ready.getStatus().getAliasVersion()).isEqualTo("1");
    assertThat(versionsInAws()).containsExactly("$LATEST", "1");
  }
}
