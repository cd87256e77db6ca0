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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Architecture;
import software.amazon.awssdk.services.lambda.model.CapacityProviderConfig;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.LastUpdateStatus;
import software.amazon.awssdk.services.lambda.model.LogFormat;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.lambda.model.State;

class FunctionIT {
  private LmiEmulator emulator;
  private LambdaClient lambda;
  private String cp;

  @BeforeEach
  void start() {
    var timings = TestTimings.observable();
    emulator = LmiEmulator.start(EmulatorConfig.defaults().withTimings(timings));
    lambda = Clients.lambda(emulator);
    cp = createProvider(lambda, "cp1");
  }

  @AfterEach
  void stop() {
    lambda.close();
    emulator.close();
  }

  private State state(String name) {
    return lambda.getFunctionConfiguration(b -> b.functionName(name)).state();
  }

  @Test
  void lmiLatestSettlesInActiveNonInvocable() {
    var created = lambda.createFunction(lmiFunction("fn", cp).build());

    assertThat(created.sdkHttpResponse().statusCode()).isEqualTo(201);
    assertThat(created.state()).isEqualTo(State.PENDING);
    assertThat(created.stateReasonCodeAsString()).isEqualTo("Creating");
    assertThat(created.configSha256()).isNotBlank();
    var lmi = created.capacityProviderConfig().lambdaManagedInstancesCapacityProviderConfig();
    assertThat(lmi.executionEnvironmentMemoryGiBPerVCpu()).isEqualTo(2.0);
    assertThat(lmi.perExecutionEnvironmentMaxConcurrency()).isEqualTo(32);
    assertThat(created.loggingConfig().logFormat()).isEqualTo(LogFormat.JSON);
    await(() -> state("fn") == State.ACTIVE_NON_INVOCABLE, Duration.ofSeconds(5));
    assertThat(lambda.getFunction(b -> b.functionName("fn")).configuration().lastUpdateStatus())
        .isEqualTo(LastUpdateStatus.SUCCESSFUL);
  }

  @Test
  void standardFunctionBecomesActiveAndKeepsItsTags() {
    var created = lambda.createFunction(standardFunction("plain").build());

    await(() -> state("plain") == State.ACTIVE, Duration.ofSeconds(5));
    var got = lambda.getFunction(b -> b.functionName("plain"));
    assertThat(got.tags()).containsEntry("team", "x");
    assertThat(got.code().repositoryType()).isEqualTo("S3");
    assertThat(got.configuration().codeSha256()).isEqualTo(created.codeSha256()).isNotBlank();
    assertThat(got.configuration().configSha256()).isNull();
  }

  @Test
  void rejectsAnUnknownCapacityProvider() {
    var request = lmiFunction("fn", cp.replace("cp1", "ghost")).build();

    assertThatThrownBy(() -> lambda.createFunction(request))
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessageContaining("Capacity provider not found");
  }

  @Test
  void rejectsAnArchitectureThatDiffersFromTheProvider() {
    var request = lmiFunction("fn", cp).architectures(Architecture.X86_64).build();

    assertThatThrownBy(() -> lambda.createFunction(request))
        .isInstanceOf(InvalidParameterValueException.class);
  }

  @Test
  void rejectsRuntimesThatLmiDoesNotSupport() {
    var request = lmiFunction("fn", cp).runtime(Runtime.JAVA17).build();

    assertThatThrownBy(() -> lambda.createFunction(request))
        .isInstanceOf(InvalidParameterValueException.class)
        .hasMessageContaining(
            "Runtime Enum java17 does not support specified feature: Lambda Managed Instances");
  }

  @Test
  void rejectsMemoryThatIsNotAMultipleOfTheRatio() {
    var small = lmiFunction("fn", cp).memorySize(1024).build();
    var odd = lmiFunction("fn", cp).memorySize(3072).capacityProviderConfig(cpc(4.0)).build();

    assertThatThrownBy(() -> lambda.createFunction(small))
        .isInstanceOf(InvalidParameterValueException.class);
    assertThatThrownBy(() -> lambda.createFunction(odd))
        .isInstanceOf(InvalidParameterValueException.class);
    assertThat(
            lambda
                .createFunction(
                    lmiFunction("fn", cp).memorySize(8192).capacityProviderConfig(cpc(4.0)).build())
                .memorySize())
        .isEqualTo(8192);
  }

  private CapacityProviderConfig cpc(double ratio) {
    return CapacityProviderConfig.builder()
        .lambdaManagedInstancesCapacityProviderConfig(
            c -> c.capacityProviderArn(cp).executionEnvironmentMemoryGiBPerVCpu(ratio))
        .build();
  }

  @Test
  void rejectsTextLogsForLmi() {
    var request = lmiFunction("fn", cp).loggingConfig(l -> l.logFormat(LogFormat.TEXT)).build();

    assertThatThrownBy(() -> lambda.createFunction(request))
        .isInstanceOf(InvalidParameterValueException.class);
  }

  @Test
  void rejectsOutOfRangeConcurrencyWithAValidationException() {
    var request =
        lmiFunction("fn", cp)
            .capacityProviderConfig(
                CapacityProviderConfig.builder()
                    .lambdaManagedInstancesCapacityProviderConfig(
                        c -> c.capacityProviderArn(cp).perExecutionEnvironmentMaxConcurrency(0))
                    .build())
            .build();

    assertThatThrownBy(() -> lambda.createFunction(request))
        .hasMessageContaining(
            "at 'capacityProviderConfig.lambdaManagedInstancesCapacityProviderConfig.perExecutionEnvironmentMaxConcurrency'");
  }

  @Test
  void secondUpdateWhileTheFirstIsInProgressConflicts() {
    lambda.createFunction(lmiFunction("fn", cp).build());
    await(() -> state("fn") == State.ACTIVE_NON_INVOCABLE, Duration.ofSeconds(5));

    var first = lambda.updateFunctionConfiguration(b -> b.functionName("fn").memorySize(4096));

    assertThat(first.lastUpdateStatus()).isEqualTo(LastUpdateStatus.IN_PROGRESS);
    assertThatThrownBy(
            () -> lambda.updateFunctionConfiguration(b -> b.functionName("fn").timeout(30)))
        .isInstanceOf(ResourceConflictException.class)
        .hasMessageContaining(
            "An update is in progress for resource: arn:aws:lambda:us-east-1:123456789012:function:fn");
    await(
        () ->
            lambda.getFunctionConfiguration(b -> b.functionName("fn")).lastUpdateStatus()
                == LastUpdateStatus.SUCCESSFUL,
        Duration.ofSeconds(5));
  }

  @Test
  void aStandardFunctionCannotGainACapacityProvider() {
    lambda.createFunction(standardFunction("plain").build());
    await(() -> state("plain") == State.ACTIVE, Duration.ofSeconds(5));

    assertThatThrownBy(
            () ->
                lambda.updateFunctionConfiguration(
                    b -> b.functionName("plain").capacityProviderConfig(cpc(2.0))))
        .isInstanceOf(InvalidParameterValueException.class)
        .hasMessageContaining(
            "CapacityProviderConfig isn't supported for Lambda Default functions.");
  }

  @Test
  void revisionIdChangesOnEveryUpdate() {
    var created = lambda.createFunction(standardFunction("plain").build());
    await(() -> state("plain") == State.ACTIVE, Duration.ofSeconds(5));

    var updated =
        lambda.updateFunctionConfiguration(b -> b.functionName("plain").description("v2"));

    assertThat(updated.revisionId()).isNotEqualTo(created.revisionId());
    assertThat(updated.description()).isEqualTo("v2");
  }

  @Test
  void lmiDeleteIsAsynchronousAndHoldsTheProviderUntilDone() {
    lambda.createFunction(lmiFunction("fn", cp).build());
    await(() -> state("fn") == State.ACTIVE_NON_INVOCABLE, Duration.ofSeconds(5));
    await(
        () ->
            lambda
                .getCapacityProvider(b -> b.capacityProviderName("cp1"))
                .capacityProvider()
                .stateAsString()
                .equals("Active"),
        Duration.ofSeconds(5));

    var deleted = lambda.deleteFunction(b -> b.functionName("fn"));

    assertThat(deleted.statusCode()).isEqualTo(202);
    assertThat(state("fn")).isEqualTo(State.DELETING);
    assertThatThrownBy(() -> lambda.deleteCapacityProvider(b -> b.capacityProviderName("cp1")))
        .isInstanceOf(ResourceConflictException.class)
        .hasMessageContaining("To delete this capacity provider, first remove its association");
    await(
        () -> {
          try {
            state("fn");
            return false;
          } catch (ResourceNotFoundException e) {
            return true;
          }
        },
        Duration.ofSeconds(5));
    assertThat(
            lambda
                .deleteCapacityProvider(b -> b.capacityProviderName("cp1"))
                .sdkHttpResponse()
                .statusCode())
        .isEqualTo(202);
  }

  @Test
  void standardDeleteIsImmediate() {
    lambda.createFunction(standardFunction("plain").build());

    assertThat(lambda.deleteFunction(b -> b.functionName("plain")).statusCode()).isEqualTo(204);
    assertThatThrownBy(() -> lambda.getFunction(b -> b.functionName("plain")))
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessageContaining(
            "Function not found: arn:aws:lambda:us-east-1:123456789012:function:plain");
  }

  @Test
  void acceptsFunctionArnsAsNames() {
    lambda.createFunction(standardFunction("plain").build());
    var arn = "arn:aws:lambda:us-east-1:123456789012:function:plain";

    assertThat(lambda.getFunctionConfiguration(b -> b.functionName(arn)).functionName())
        .isEqualTo("plain");
  }

  @Test
  void updateFunctionCodeChangesTheHashAndCanPublish() {
    var created = lambda.createFunction(lmiFunction("fn", cp).build());
    await(() -> state("fn") == State.ACTIVE_NON_INVOCABLE, Duration.ofSeconds(5));

    var updated =
        lambda.updateFunctionCode(b -> b.functionName("fn").s3Bucket("code").s3Key("fn-v2.jar"));

    assertThat(updated.codeSha256()).isNotEqualTo(created.codeSha256());
    assertThat(updated.lastUpdateStatus()).isEqualTo(LastUpdateStatus.IN_PROGRESS);
    assertThatThrownBy(
            () ->
                lambda.updateFunctionCode(
                    b -> b.functionName("fn").s3Bucket("code").s3Key("fn-v3.jar")))
        .isInstanceOf(ResourceConflictException.class);
    await(
        () ->
            lambda.getFunctionConfiguration(b -> b.functionName("fn")).lastUpdateStatus()
                == LastUpdateStatus.SUCCESSFUL,
        Duration.ofSeconds(5));
    var published =
        lambda.updateFunctionCode(
            b -> b.functionName("fn").s3Bucket("code").s3Key("fn-v3.jar").publish(true));
    assertThat(published.codeSha256()).isNotEqualTo(updated.codeSha256());
    assertThat(lambda.listVersionsByFunction(b -> b.functionName("fn")).versions())
        .extracting(v -> v.version())
        .containsExactly("$LATEST", "1");
  }

  @Test
  void listsFunctionsWithPaging() {
    lambda.createFunction(standardFunction("a").build());
    lambda.createFunction(standardFunction("b").build());

    assertThat(lambda.listFunctionsPaginator(b -> b.maxItems(1)).functions())
        .extracting(f -> f.functionName())
        .containsExactly("a", "b");
  }

  @Test
  void servesManyClientsAtOnce() throws Exception {
    try (var pool = java.util.concurrent.Executors.newFixedThreadPool(8)) {
      var futures = new java.util.ArrayList<java.util.concurrent.Future<?>>();
      for (var i = 0; i < 40; i++) {
        var name = "f" + i;
        futures.add(pool.submit(() -> lambda.createFunction(standardFunction(name).build())));
      }
      for (var f : futures) {
        f.get();
      }
    }
    assertThat(lambda.listFunctionsPaginator(b -> {}).functions().stream().count()).isEqualTo(40);
    assertThat(emulator.admin().counters().get("CreateFunction")).containsEntry("ok", 40L);
  }

  @Test
  void environmentVariablesOverFourKilobytesAreRefusedAsLambdaDoes() {
    var big = java.util.Map.of("PAYLOAD", "x".repeat(4100));

    assertThatThrownBy(
            () ->
                lambda.createFunction(
                    standardFunction("env").environment(e -> e.variables(big)).build()))
        .isInstanceOf(InvalidParameterValueException.class)
        .hasMessageContaining("exceeded the 4KB limit");
    lambda.createFunction(standardFunction("env").build());
    await(() -> state("env") == State.ACTIVE, Duration.ofSeconds(5));
    assertThatThrownBy(
            () ->
                lambda.updateFunctionConfiguration(
                    b -> b.functionName("env").environment(e -> e.variables(big))))
        .isInstanceOf(InvalidParameterValueException.class);
  }
}
