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
import dev.lmi.emulator.Timings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionVersionLatestPublished;
import software.amazon.awssdk.services.lambda.model.FunctionVersionsPerCapacityProviderLimitExceededException;
import software.amazon.awssdk.services.lambda.model.PreconditionFailedException;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.State;

class PublishIT {
  private LmiEmulator emulator;
  private LambdaClient lambda;
  private String cp;

  @BeforeEach
  void start() {
    emulator = LmiEmulator.start(EmulatorConfig.defaults().withTimings(TestTimings.observable()));
    lambda = Clients.lambda(emulator);
    cp = createProvider(lambda, "cp1");
    lambda.createFunction(lmiFunction("fn", cp).build());
    await(() -> version("$LATEST") == State.ACTIVE_NON_INVOCABLE, Duration.ofSeconds(5));
  }

  @AfterEach
  void stop() {
    lambda.close();
    emulator.close();
  }

  private State version(String qualifier) {
    return lambda.getFunctionConfiguration(b -> b.functionName("fn").qualifier(qualifier)).state();
  }

  @Test
  void publishedVersionIsPendingThenActive() {
    var published = lambda.publishVersion(b -> b.functionName("fn").description("first"));

    assertThat(published.sdkHttpResponse().statusCode()).isEqualTo(201);
    assertThat(published.version()).isEqualTo("1");
    assertThat(published.state()).isEqualTo(State.PENDING);
    assertThat(published.stateReasonCodeAsString()).isEqualTo("Creating");
    assertThat(published.functionArn()).endsWith(":function:fn:1");
    await(() -> version("1") == State.ACTIVE, Duration.ofSeconds(5));
  }

  @Test
  void republishingUnchangedCodeAndConfigReturnsTheLastVersion() {
    lambda.publishVersion(b -> b.functionName("fn"));

    assertThat(lambda.publishVersion(b -> b.functionName("fn")).version()).isEqualTo("1");

    lambda.updateFunctionConfiguration(
        b -> b.functionName("fn").environment(e -> e.variables(Map.of("MODE", "1"))));
    await(
        () ->
            !lambda
                .getFunctionConfiguration(b -> b.functionName("fn"))
                .lastUpdateStatusAsString()
                .equals("InProgress"),
        Duration.ofSeconds(5));
    assertThat(lambda.publishVersion(b -> b.functionName("fn")).version()).isEqualTo("2");
  }

  @Test
  void publishWhileAnUpdateIsInProgressConflicts() {
    lambda.updateFunctionConfiguration(b -> b.functionName("fn").timeout(10));

    assertThatThrownBy(() -> lambda.publishVersion(b -> b.functionName("fn")))
        .isInstanceOf(ResourceConflictException.class);
  }

  @Test
  void revisionAndCodeShaGuardsFailWithPreconditionFailed() {
    assertThatThrownBy(() -> lambda.publishVersion(b -> b.functionName("fn").revisionId("stale")))
        .isInstanceOf(PreconditionFailedException.class)
        .satisfies(e -> assertThat(((PreconditionFailedException) e).statusCode()).isEqualTo(412));
    assertThatThrownBy(() -> lambda.publishVersion(b -> b.functionName("fn").codeSha256("other")))
        .isInstanceOf(PreconditionFailedException.class);
  }

  @Test
  void publishToLatestPublishedUpdatesOneVersionInPlace() {
    var first =
        lambda.publishVersion(
            b -> b.functionName("fn").publishTo(FunctionVersionLatestPublished.LATEST_PUBLISHED));

    assertThat(first.version()).isEqualTo("$LATEST.PUBLISHED");
    assertThat(first.functionArn()).endsWith(":fn:$LATEST.PUBLISHED");
    await(() -> version("$LATEST.PUBLISHED") == State.ACTIVE, Duration.ofSeconds(5));
    var versions =
        lambda.listVersionsByFunctionPaginator(b -> b.functionName("fn")).versions().stream()
            .map(v -> v.version())
            .toList();
    assertThat(versions).containsExactly("$LATEST", "$LATEST.PUBLISHED");
  }

  @Test
  void injectedPublishFailureSurfacesAsFailedStateWithTheReasonCode() {
    emulator
        .admin()
        .failNextPublish("fn", "FunctionError.InitResourceExhausted", "out of memory during init");

    lambda.publishVersion(b -> b.functionName("fn"));

    await(() -> version("1") == State.FAILED, Duration.ofSeconds(5));
    var config = lambda.getFunctionConfiguration(b -> b.functionName("fn").qualifier("1"));
    assertThat(config.stateReasonCodeAsString()).isEqualTo("FunctionError.InitResourceExhausted");
    assertThat(config.stateReason()).isEqualTo("out of memory during init");
  }

  @Test
  void listsVersionsOnTheProvider() {
    lambda.publishVersion(b -> b.functionName("fn"));

    var listed = lambda.listFunctionVersionsByCapacityProvider(b -> b.capacityProviderName("cp1"));

    assertThat(listed.capacityProviderArn()).isEqualTo(cp);
    assertThat(listed.functionVersions())
        .singleElement()
        .satisfies(v -> assertThat(v.functionArn()).endsWith(":fn:1"));
  }

  @Test
  void aProviderHoldsAtMostOneHundredVersions() {
    try (var quick = LmiEmulator.start(EmulatorConfig.defaults().withTimings(Timings.instant()));
        var client = Clients.lambda(quick)) {
      var arn = createProvider(client, "cp1");
      client.createFunction(lmiFunction("fn", arn).build());
      for (var i = 0; i < 100; i++) {
        var n = i;
        client.updateFunctionConfiguration(
            b -> b.functionName("fn").description("d" + n).timeout(3 + n));
        client.getFunctionConfiguration(b -> b.functionName("fn"));
        client.publishVersion(b -> b.functionName("fn"));
      }
      client.updateFunctionConfiguration(b -> b.functionName("fn").timeout(200));
      client.getFunctionConfiguration(b -> b.functionName("fn"));

      assertThatThrownBy(() -> client.publishVersion(b -> b.functionName("fn")))
          .isInstanceOf(FunctionVersionsPerCapacityProviderLimitExceededException.class);
      client.deleteFunction(b -> b.functionName("fn").qualifier("1"));
      client.getFunctionConfiguration(b -> b.functionName("fn"));
      assertThat(client.publishVersion(b -> b.functionName("fn")).version()).isEqualTo("101");
    }
  }

  @Test
  void deletingAVersionThatAnAliasUsesConflicts() {
    lambda.publishVersion(b -> b.functionName("fn"));
    lambda.createAlias(b -> b.functionName("fn").name("live").functionVersion("1"));

    assertThatThrownBy(() -> lambda.deleteFunction(b -> b.functionName("fn").qualifier("1")))
        .isInstanceOf(ResourceConflictException.class)
        .hasMessageContaining("[live]");
    assertThatThrownBy(() -> lambda.deleteFunction(b -> b.functionName("fn").qualifier("$LATEST")))
        .hasMessageContaining("$LATEST version cannot be deleted");
  }

  @Test
  void deletingAnLmiVersionGoesThroughDeleting() {
    lambda.publishVersion(b -> b.functionName("fn"));
    await(() -> version("1") == State.ACTIVE, Duration.ofSeconds(5));

    assertThat(lambda.deleteFunction(b -> b.functionName("fn").qualifier("1")).statusCode())
        .isEqualTo(202);
    assertThat(version("1")).isEqualTo(State.DELETING);
    await(
        () -> {
          try {
            version("1");
            return false;
          } catch (ResourceNotFoundException e) {
            return true;
          }
        },
        Duration.ofSeconds(5));
  }

  @Test
  void standardPublishIsActiveAtOnceAndListsWithPaging() {
    lambda.createFunction(standardFunction("plain").publish(true).build());

    var v1 = lambda.getFunctionConfiguration(b -> b.functionName("plain").qualifier("1"));
    assertThat(v1.state()).isEqualTo(State.ACTIVE);
    var page = lambda.listVersionsByFunction(b -> b.functionName("plain").maxItems(1));
    assertThat(page.versions()).hasSize(1);
    assertThat(page.nextMarker()).isNotNull();
    assertThat(
            lambda
                .listVersionsByFunctionPaginator(b -> b.functionName("plain").maxItems(1))
                .versions()
                .stream()
                .count())
        .isEqualTo(2);
  }

  @Test
  void republishingLatestPublishedShowsAnUpdateInProgress() {
    lambda.publishVersion(
        b -> b.functionName("fn").publishTo(FunctionVersionLatestPublished.LATEST_PUBLISHED));
    await(() -> version("$LATEST.PUBLISHED") == State.ACTIVE, Duration.ofSeconds(5));
    lambda.updateFunctionConfiguration(b -> b.functionName("fn").timeout(42));
    await(
        () ->
            lambda
                .getFunctionConfiguration(b -> b.functionName("fn"))
                .lastUpdateStatusAsString()
                .equals("Successful"),
        Duration.ofSeconds(5));

    var again =
        lambda.publishVersion(
            b -> b.functionName("fn").publishTo(FunctionVersionLatestPublished.LATEST_PUBLISHED));

    assertThat(again.state()).isEqualTo(State.ACTIVE);
    assertThat(again.lastUpdateStatusAsString()).isEqualTo("InProgress");
    assertThat(again.timeout()).isEqualTo(42);
    await(
        () ->
            lambda
                .getFunctionConfiguration(b -> b.functionName("fn").qualifier("$LATEST.PUBLISHED"))
                .lastUpdateStatusAsString()
                .equals("Successful"),
        Duration.ofSeconds(5));
  }
}
