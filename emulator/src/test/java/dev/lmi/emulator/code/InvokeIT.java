package dev.lmi.emulator.code;

import static dev.lmi.emulator.Clients.await;
import static dev.lmi.emulator.lambda.LmiFixtures.createProvider;
import static dev.lmi.emulator.lambda.LmiFixtures.lmiFunction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lmi.emulator.Clients;
import dev.lmi.emulator.EmulatorConfig;
import dev.lmi.emulator.LmiEmulator;
import dev.lmi.emulator.Timings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CapacityProviderConfig;
import software.amazon.awssdk.services.lambda.model.FunctionCode;
import software.amazon.awssdk.services.lambda.model.FunctionVersionLatestPublished;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.NoPublishedVersionException;
import software.amazon.awssdk.services.lambda.model.State;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

class InvokeIT {
  @TempDir static Path codeDir;
  private static LmiEmulator emulator;
  private static LambdaClient lambda;
  private static String cp;

  @BeforeAll
  static void start() {
    HandlerJar.build(codeDir.resolve("code/handlers.jar"));
    var timings = Timings.instant();
    emulator =
        LmiEmulator.start(EmulatorConfig.defaults().withTimings(timings).withCodeDir(codeDir));
    lambda = Clients.lambda(emulator);
    cp = createProvider(lambda, "cp1");
  }

  @AfterAll
  static void stop() {
    lambda.close();
    emulator.close();
  }

  private static void create(
      String name, String handler, int concurrency, Map<String, String> env) {
    var cpc =
        CapacityProviderConfig.builder()
            .lambdaManagedInstancesCapacityProviderConfig(
                c -> c.capacityProviderArn(cp).perExecutionEnvironmentMaxConcurrency(concurrency))
            .build();
    lambda.createFunction(
        lmiFunction(name, cp)
            .handler(handler)
            .code(FunctionCode.builder().s3Bucket("code").s3Key("handlers.jar").build())
            .capacityProviderConfig(cpc)
            .environment(e -> e.variables(env))
            .build());
    lambda.getFunction(b -> b.functionName(name));
  }

  private static State awaitSettled(String name, String version) {
    await(
        () ->
            !lambda
                .getFunctionConfiguration(b -> b.functionName(name).qualifier(version))
                .stateAsString()
                .equals("Pending"),
        Duration.ofSeconds(20));
    return lambda.getFunctionConfiguration(b -> b.functionName(name).qualifier(version)).state();
  }

  private static InvokeResponse invoke(String name, String qualifier, String payload) {
    return lambda.invoke(
        b -> b.functionName(name).qualifier(qualifier).payload(SdkBytes.fromUtf8String(payload)));
  }

  @Test
  void runsAStreamHandlerWithItsOwnEnvironmentAndClassLoader() {
    create("echo", "example.EchoHandler::handleRequest", 8, Map.of("GREETING", "hello"));
    lambda.publishVersion(b -> b.functionName("echo"));
    assertThat(awaitSettled("echo", "1")).isEqualTo(State.ACTIVE);

    var response = invoke("echo", "1", "{\"n\":1}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.executedVersion()).isEqualTo("1");
    assertThat(response.functionError()).isNull();
    assertThat(response.payload().asUtf8String())
        .contains(
            "\"greeting\":\"hello\"",
            "\"atInit\":\"hello\"",
            "\"inits\":1",
            "\"version\":\"1\"",
            "\"input\":{\"n\":1}");
    assertThat(System.getProperty("lmi.env.GREETING")).isNull();
  }

  @Test
  void runsAPojoHandlerAndReportsHandlerErrorsAsUnhandled() {
    create("maps", "example.MapHandler", 8, Map.of());
    lambda.publishVersion(
        b -> b.functionName("maps").publishTo(FunctionVersionLatestPublished.LATEST_PUBLISHED));
    assertThat(awaitSettled("maps", "$LATEST.PUBLISHED")).isEqualTo(State.ACTIVE);

    var ok =
        lambda.invoke(
            b -> b.functionName("maps").payload(SdkBytes.fromUtf8String("{\"name\":\"ada\"}")));
    var failed = invoke("maps", "$LATEST.PUBLISHED", "{\"fail\":true}");

    assertThat(ok.executedVersion()).isEqualTo("$LATEST.PUBLISHED");
    assertThat(ok.payload().asUtf8String())
        .contains("\"seen\":\"ada\"")
        .contains("\"function\":\"maps\"");
    assertThat(failed.statusCode()).isEqualTo(200);
    assertThat(failed.functionError()).isEqualTo("Unhandled");
    assertThat(failed.payload().asUtf8String())
        .contains("\"errorType\":\"java.lang.IllegalStateException\"")
        .contains("asked to fail");
  }

  @Test
  void initThatThrowsFailsTheVersionWithRuntimeInitError() {
    create("boom", "example.Boom::handleRequest", 8, Map.of());
    lambda.publishVersion(b -> b.functionName("boom"));

    assertThat(awaitSettled("boom", "1")).isEqualTo(State.FAILED);
    var config = lambda.getFunctionConfiguration(b -> b.functionName("boom").qualifier("1"));
    assertThat(config.stateReasonCodeAsString()).isEqualTo("FunctionError.RuntimeInitError");
    assertThat(config.stateReason()).contains("init exploded");
  }

  @Test
  void missingHandlerClassFailsWithInvalidEntryPoint() {
    create("lost", "example.Nope::handleRequest", 8, Map.of());
    lambda.publishVersion(b -> b.functionName("lost"));

    assertThat(awaitSettled("lost", "1")).isEqualTo(State.FAILED);
    assertThat(
            lambda
                .getFunctionConfiguration(b -> b.functionName("lost").qualifier("1"))
                .stateReasonCodeAsString())
        .isEqualTo("FunctionError.InvalidEntryPoint");
  }

  @Test
  void initThatAllocatesMoreThanTheMemorySizeFailsWithInitResourceExhausted() {
    create("hog", "example.Hog::handleRequest", 8, Map.of());
    lambda.publishVersion(b -> b.functionName("hog"));

    assertThat(awaitSettled("hog", "1")).isEqualTo(State.FAILED);
    assertThat(
            lambda
                .getFunctionConfiguration(b -> b.functionName("hog").qualifier("1"))
                .stateReasonCodeAsString())
        .isEqualTo("FunctionError.InitResourceExhausted");
  }

  @Test
  void eachEnvironmentTakesAtMostItsMaxConcurrency() throws Exception {
    create("busy", "example.EchoHandler", 1, Map.of());
    lambda.publishVersion(b -> b.functionName("busy"));
    assertThat(awaitSettled("busy", "1")).isEqualTo(State.ACTIVE);

    var calls = new ArrayList<Callable<String>>();
    for (var i = 0; i < 5; i++) {
      calls.add(
          () -> {
            try {
              return invoke("busy", "1", "\"sleep long\"").payload().asUtf8String();
            } catch (TooManyRequestsException e) {
              return "429";
            }
          });
    }
    try (var pool = Executors.newFixedThreadPool(5)) {
      var results =
          pool.invokeAll(calls).stream()
              .map(
                  f -> {
                    try {
                      return f.get();
                    } catch (Exception e) {
                      throw new IllegalStateException(e);
                    }
                  })
              .toList();
      assertThat(results).filteredOn(r -> r.equals("429")).hasSize(2);
    }
  }

  @Test
  void aliasWeightsSpreadInvocationsOverTwoVersions() {
    create("canary", "example.EchoHandler", 8, Map.of("GREETING", "one"));
    lambda.publishVersion(b -> b.functionName("canary"));
    lambda.updateFunctionConfiguration(
        b -> b.functionName("canary").environment(e -> e.variables(Map.of("GREETING", "two"))));
    lambda.getFunction(b -> b.functionName("canary"));
    lambda.publishVersion(b -> b.functionName("canary"));
    awaitSettled("canary", "1");
    awaitSettled("canary", "2");
    lambda.createAlias(
        b ->
            b.functionName("canary")
                .name("live")
                .functionVersion("1")
                .routingConfig(r -> r.additionalVersionWeights(Map.of("2", 0.5))));

    var seen = new HashSet<String>();
    for (var i = 0; i < 40; i++) {
      seen.add(invoke("canary", "live", "{}").executedVersion());
    }

    assertThat(seen).containsExactlyInAnyOrder("1", "2");
  }

  @Test
  void latestOfAnLmiFunctionCannotBeInvoked() {
    create("idle", "example.EchoHandler", 8, Map.of());

    assertThatThrownBy(() -> invoke("idle", "$LATEST", "{}"))
        .isInstanceOf(InvalidParameterValueException.class);
    assertThatThrownBy(() -> lambda.invoke(b -> b.functionName("idle")))
        .isInstanceOf(NoPublishedVersionException.class);
  }

  @Test
  void codeMissingFromTheCodeFolderIsAMissingS3Object() {
    assertThatThrownBy(() -> lambda.createFunction(lmiFunction("nocode", cp).build()))
        .isInstanceOf(InvalidParameterValueException.class)
        .hasMessageContaining("S3 Error Code: NoSuchKey");
  }

  @Test
  void codeSha256IsTheHashOfTheJarInTheCodeFolder() throws Exception {
    create("hashed", "example.EchoHandler", 8, Map.of());
    var bytes = java.nio.file.Files.readAllBytes(codeDir.resolve("code/handlers.jar"));
    var expected =
        java.util.Base64.getEncoder()
            .encodeToString(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));

    var config = lambda.getFunctionConfiguration(b -> b.functionName("hashed"));

    assertThat(config.codeSha256()).isEqualTo(expected);
    assertThat(config.codeSize()).isEqualTo(bytes.length);
  }

  @Test
  void runsAZipFileUploadWithItsDependenciesUnderLib() throws Exception {
    var jar = java.nio.file.Files.readAllBytes(codeDir.resolve("code/handlers.jar"));
    var zip = new java.io.ByteArrayOutputStream();
    try (var out = new java.util.zip.ZipOutputStream(zip)) {
      out.putNextEntry(new java.util.zip.ZipEntry("lib/handlers.jar"));
      out.write(jar);
      out.closeEntry();
    }
    lambda.createFunction(
        lmiFunction("zipped", cp)
            .handler("example.MapHandler::handleRequest")
            .code(FunctionCode.builder().zipFile(SdkBytes.fromByteArray(zip.toByteArray())).build())
            .build());
    lambda.getFunction(b -> b.functionName("zipped"));
    lambda.publishVersion(b -> b.functionName("zipped"));
    assertThat(awaitSettled("zipped", "1")).isEqualTo(State.ACTIVE);

    var response = invoke("zipped", "1", "{\"name\":\"lin\",\"unknownField\":1}");

    assertThat(response.functionError()).isNull();
    assertThat(response.payload().asUtf8String()).contains("\"seen\":\"lin\"");
  }

  @Test
  void aHandlerThatOutlivesItsTimeoutIsReportedAsTimedOut() {
    lambda.createFunction(
        lmiFunction("slow", cp)
            .handler("example.EchoHandler")
            .timeout(1)
            .code(FunctionCode.builder().s3Bucket("code").s3Key("handlers.jar").build())
            .build());
    lambda.getFunction(b -> b.functionName("slow"));
    lambda.publishVersion(b -> b.functionName("slow"));
    awaitSettled("slow", "1");

    var response = invoke("slow", "1", "\"sleep long\"");

    assertThat(response.functionError()).isEqualTo("Unhandled");
    assertThat(response.payload().asUtf8String()).contains("Task timed out after 1.00 seconds");
  }

  @Test
  void eventInvocationsAreAcceptedAtOnceAndStandardFunctionsRunToo() {
    lambda.createFunction(
        software.amazon.awssdk.services.lambda.model.CreateFunctionRequest.builder()
            .functionName("classic")
            .role(dev.lmi.emulator.lambda.LmiFixtures.ROLE)
            .runtime(software.amazon.awssdk.services.lambda.model.Runtime.JAVA21)
            .handler("example.MapHandler")
            .code(FunctionCode.builder().s3Bucket("code").s3Key("handlers.jar").build())
            .build());
    await(
        () ->
            lambda.getFunctionConfiguration(b -> b.functionName("classic")).state() == State.ACTIVE,
        Duration.ofSeconds(5));

    var sync =
        lambda.invoke(
            b -> b.functionName("classic").payload(SdkBytes.fromUtf8String("{\"name\":\"x\"}")));
    var async =
        lambda.invoke(
            b ->
                b.functionName("classic")
                    .invocationType("Event")
                    .payload(SdkBytes.fromUtf8String("{}")));

    assertThat(sync.executedVersion()).isEqualTo("$LATEST");
    assertThat(sync.payload().asUtf8String()).contains("\"seen\":\"x\"");
    assertThat(async.statusCode()).isEqualTo(202);
  }

  @Test
  void aSettledScalingConfigChangesHowManyEnvironmentsServe() throws Exception {
    create("scaled", "example.EchoHandler", 1, Map.of());
    lambda.publishVersion(b -> b.functionName("scaled"));
    assertThat(awaitSettled("scaled", "1")).isEqualTo(State.ACTIVE);

    lambda.putFunctionScalingConfig(
        b ->
            b.functionName("scaled")
                .qualifier("1")
                .functionScalingConfig(
                    c -> c.minExecutionEnvironments(1).maxExecutionEnvironments(1)));
    await(
        () ->
            lambda
                    .getFunctionScalingConfig(b -> b.functionName("scaled").qualifier("1"))
                    .requestedFunctionScalingConfig()
                == null,
        Duration.ofSeconds(5));

    assertThat(concurrentSleeps("scaled", 2)).filteredOn("429"::equals).hasSize(1);
  }

  private static java.util.List<String> concurrentSleeps(String name, int count) throws Exception {
    var calls = new ArrayList<Callable<String>>();
    for (var i = 0; i < count; i++) {
      calls.add(
          () -> {
            try {
              return invoke(name, "1", "\"sleep long\"").payload().asUtf8String();
            } catch (TooManyRequestsException e) {
              return "429";
            }
          });
    }
    try (var pool = Executors.newFixedThreadPool(count)) {
      var results = new ArrayList<String>();
      for (var f : pool.invokeAll(calls)) {
        results.add(f.get());
      }
      return results;
    }
  }

  @Test
  void mapsPojoAndStringHandlersThroughJson() {
    create("pojo", "example.PojoHandler::handleRequest", 8, Map.of());
    create("upper", "example.Upper", 8, Map.of());
    lambda.publishVersion(b -> b.functionName("pojo"));
    lambda.publishVersion(b -> b.functionName("upper"));
    awaitSettled("pojo", "1");
    awaitSettled("upper", "1");

    var receipt = invoke("pojo", "1", "{\"item\":\"tea\",\"quantity\":2,\"note\":\"ignored\"}");
    var upper = invoke("upper", "1", "\"shout\"");

    assertThat(receipt.payload().asUtf8String())
        .isEqualTo("{\"item\":\"tea\",\"quantity\":4,\"by\":\"pojo\"}");
    assertThat(upper.payload().asUtf8String()).isEqualTo("\"SHOUT\"");
  }
}
