package dev.lmi.emulator.lambda;

import static dev.lmi.emulator.Clients.await;
import static dev.lmi.emulator.lambda.LmiFixtures.createProvider;
import static dev.lmi.emulator.lambda.LmiFixtures.lmiFunction;
import static dev.lmi.emulator.lambda.LmiFixtures.standardFunction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lmi.emulator.Clients;
import dev.lmi.emulator.EmulatorConfig;
import dev.lmi.emulator.LmiEmulator;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.State;

class AliasAndScalingIT {
  private LmiEmulator emulator;
  private LambdaClient lambda;

  @BeforeEach
  void start() {
    emulator = LmiEmulator.start(EmulatorConfig.defaults().withTimings(TestTimings.observable()));
    lambda = Clients.lambda(emulator);
    var cp = createProvider(lambda, "cp1");
    lambda.createFunction(lmiFunction("fn", cp).build());
    await(() -> state("$LATEST") == State.ACTIVE_NON_INVOCABLE, Duration.ofSeconds(5));
    lambda.publishVersion(b -> b.functionName("fn"));
  }

  @AfterEach
  void stop() {
    lambda.close();
    emulator.close();
  }

  private State state(String qualifier) {
    return lambda.getFunctionConfiguration(b -> b.functionName("fn").qualifier(qualifier)).state();
  }

  private void publishSecondVersion() {
    await(() -> state("1") == State.ACTIVE, Duration.ofSeconds(5));
    lambda.updateFunctionConfiguration(b -> b.functionName("fn").description("two").timeout(9));
    await(
        () ->
            lambda
                .getFunctionConfiguration(b -> b.functionName("fn"))
                .lastUpdateStatusAsString()
                .equals("Successful"),
        Duration.ofSeconds(5));
    lambda.publishVersion(b -> b.functionName("fn"));
  }

  @Test
  void aliasLifecycleWithWeightedRouting() {
    var created = lambda.createAlias(b -> b.functionName("fn").name("live").functionVersion("1"));
    assertThat(created.sdkHttpResponse().statusCode()).isEqualTo(201);
    assertThat(created.aliasArn()).endsWith(":function:fn:live");
    publishSecondVersion();

    var updated =
        lambda.updateAlias(
            b ->
                b.functionName("fn")
                    .name("live")
                    .routingConfig(r -> r.additionalVersionWeights(Map.of("2", 0.1))));

    assertThat(updated.routingConfig().additionalVersionWeights()).containsEntry("2", 0.1);
    assertThat(updated.revisionId()).isNotEqualTo(created.revisionId());
    assertThat(lambda.getAlias(b -> b.functionName("fn").name("live")).functionVersion())
        .isEqualTo("1");
    assertThat(lambda.listAliasesPaginator(b -> b.functionName("fn")).aliases().stream().count())
        .isEqualTo(1);
    assertThat(lambda.listAliases(b -> b.functionName("fn").functionVersion("2")).aliases())
        .isEmpty();
    assertThat(
            lambda
                .deleteAlias(b -> b.functionName("fn").name("live"))
                .sdkHttpResponse()
                .statusCode())
        .isEqualTo(204);
    assertThatThrownBy(() -> lambda.getAlias(b -> b.functionName("fn").name("live")))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void aliasToAMissingVersionIsNotFound() {
    assertThatThrownBy(
            () -> lambda.createAlias(b -> b.functionName("fn").name("live").functionVersion("7")))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(
            () ->
                lambda.createAlias(
                    b ->
                        b.functionName("fn")
                            .name("live")
                            .functionVersion("1")
                            .routingConfig(r -> r.additionalVersionWeights(Map.of("1", 2.0)))))
        .hasMessageContaining("routingConfig.additionalVersionWeights.value");
  }

  @Test
  void scalingConfigIsRequestedUntilSettledThenApplied() {
    await(() -> state("1") == State.ACTIVE, Duration.ofSeconds(5));

    var put =
        lambda.putFunctionScalingConfig(
            b ->
                b.functionName("fn")
                    .qualifier("1")
                    .functionScalingConfig(
                        c -> c.minExecutionEnvironments(1).maxExecutionEnvironments(5)));

    assertThat(put.sdkHttpResponse().statusCode()).isEqualTo(202);
    assertThat(put.functionState()).isEqualTo(State.ACTIVE);
    var requested = lambda.getFunctionScalingConfig(b -> b.functionName("fn").qualifier("1"));
    assertThat(requested.requestedFunctionScalingConfig().maxExecutionEnvironments()).isEqualTo(5);
    assertThat(requested.appliedFunctionScalingConfig().minExecutionEnvironments()).isEqualTo(3);
    await(
        () ->
            lambda
                    .getFunctionScalingConfig(b -> b.functionName("fn").qualifier("1"))
                    .requestedFunctionScalingConfig()
                == null,
        Duration.ofSeconds(5));
    var applied = lambda.getFunctionScalingConfig(b -> b.functionName("fn").qualifier("1"));
    assertThat(applied.appliedFunctionScalingConfig().minExecutionEnvironments()).isEqualTo(1);
    assertThat(applied.functionArn()).endsWith(":fn:1");
  }

  @Test
  void scalingConfigOnAPendingVersionConflicts() {
    assertThatThrownBy(
            () ->
                lambda.putFunctionScalingConfig(
                    b ->
                        b.functionName("fn")
                            .qualifier("1")
                            .functionScalingConfig(c -> c.minExecutionEnvironments(1))))
        .isInstanceOf(ResourceConflictException.class);
  }

  @Test
  void scalingConfigAcceptsOnlyVersionsAndLatestPublished() {
    lambda.createAlias(b -> b.functionName("fn").name("live").functionVersion("1"));

    for (var qualifier : new String[] {"live", "$LATEST"}) {
      assertThatThrownBy(
              () -> lambda.getFunctionScalingConfig(b -> b.functionName("fn").qualifier(qualifier)))
          .isInstanceOfSatisfying(
              LambdaException.class,
              e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
    }
    assertThatThrownBy(
            () ->
                lambda.getFunctionScalingConfig(
                    b -> b.functionName("fn").qualifier("$LATEST.PUBLISHED")))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void scalingConfigOnAStandardFunctionIsAccessDenied() {
    lambda.createFunction(standardFunction("plain").publish(true).build());

    assertThatThrownBy(
            () ->
                lambda.putFunctionScalingConfig(
                    b ->
                        b.functionName("plain")
                            .qualifier("1")
                            .functionScalingConfig(c -> c.minExecutionEnvironments(1))))
        .isInstanceOfSatisfying(
            LambdaException.class,
            e -> {
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
              assertThat(e.statusCode()).isEqualTo(403);
            });
  }

  @Test
  void minAboveMaxIsInvalid() {
    await(() -> state("1") == State.ACTIVE, Duration.ofSeconds(5));

    assertThatThrownBy(
            () ->
                lambda.putFunctionScalingConfig(
                    b ->
                        b.functionName("fn")
                            .qualifier("1")
                            .functionScalingConfig(
                                c -> c.minExecutionEnvironments(5).maxExecutionEnvironments(2))))
        .isInstanceOf(InvalidParameterValueException.class);
  }

  @Test
  void zeroMinAndMaxDeactivatesTheVersion() {
    await(() -> state("1") == State.ACTIVE, Duration.ofSeconds(5));

    var put =
        lambda.putFunctionScalingConfig(
            b ->
                b.functionName("fn")
                    .qualifier("1")
                    .functionScalingConfig(
                        c -> c.minExecutionEnvironments(0).maxExecutionEnvironments(0)));

    assertThat(put.functionState()).isEqualTo(State.DEACTIVATING);
    await(() -> state("1") == State.DEACTIVATED, Duration.ofSeconds(5));
    lambda.putFunctionScalingConfig(
        b ->
            b.functionName("fn")
                .qualifier("1")
                .functionScalingConfig(
                    c -> c.minExecutionEnvironments(1).maxExecutionEnvironments(2)));
    await(() -> state("1") == State.ACTIVE, Duration.ofSeconds(5));
  }

  @Test
  void tagsFunctionsAndProviders() {
    var fnArn = "arn:aws:lambda:us-east-1:123456789012:function:fn";
    var cpArn = "arn:aws:lambda:us-east-1:123456789012:capacity-provider:cp1";

    lambda.tagResource(b -> b.resource(fnArn).tags(Map.of("a", "1", "b", "2")));
    lambda.tagResource(b -> b.resource(cpArn).tags(Map.of("c", "3")));
    lambda.untagResource(b -> b.resource(fnArn).tagKeys("a"));

    assertThat(lambda.listTags(b -> b.resource(fnArn)).tags()).containsExactly(Map.entry("b", "2"));
    assertThat(lambda.listTags(b -> b.resource(cpArn)).tags()).containsExactly(Map.entry("c", "3"));
    assertThat(lambda.getFunction(b -> b.functionName("fn")).tags()).containsEntry("b", "2");
    assertThatThrownBy(() -> lambda.listTags(b -> b.resource(fnArn.replace(":fn", ":nope"))))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> lambda.listTags(b -> b.resource("not-an-arn")))
        .isInstanceOfSatisfying(
            LambdaException.class,
            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
  }
}
