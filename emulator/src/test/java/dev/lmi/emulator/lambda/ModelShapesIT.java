package dev.lmi.emulator.lambda;

import static dev.lmi.emulator.lambda.LmiFixtures.standardFunction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lmi.emulator.Clients;
import dev.lmi.emulator.EmulatorConfig;
import dev.lmi.emulator.LmiEmulator;
import dev.lmi.emulator.Timings;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.Layer;

/** Members outside LMI meet the AWS model's constraints, and answers have the model's shapes. */
class ModelShapesIT {
  private static final String LAYER = "arn:aws:lambda:us-east-1:123456789012:layer:deps:3";
  private static LmiEmulator emulator;
  private static LambdaClient lambda;

  @BeforeAll
  static void start() {
    emulator = LmiEmulator.start(EmulatorConfig.defaults().withTimings(Timings.instant()));
    lambda = Clients.lambda(emulator);
    lambda.createFunction(standardFunction("plain").build());
    lambda.createAlias(b -> b.functionName("plain").name("live").functionVersion("$LATEST"));
  }

  @AfterAll
  static void stop() {
    lambda.close();
    emulator.close();
  }

  private static void assertInvalid(ThrowingCallable call, String message) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            LambdaException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(400);
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
              assertThat(e.awsErrorDetails().errorMessage())
                  .startsWith("1 validation error detected: ")
                  .contains(message);
            });
  }

  private static void assertCreateInvalid(
      Consumer<CreateFunctionRequest.Builder> change, String message) {
    var request = standardFunction("invalid");
    change.accept(request);
    assertInvalid(() -> lambda.createFunction(request.build()), message);
  }

  @Test
  void aLayeredFunctionDescribesItsLayersAsObjects() {
    lambda.createFunction(standardFunction("layered").layers(LAYER).build());

    var got = lambda.getFunctionConfiguration(b -> b.functionName("layered"));
    var listed = lambda.listFunctions().functions();

    assertThat(got.layers()).extracting(Layer::arn).containsExactly(LAYER);
    assertThat(got.layers().get(0).codeSize()).isZero();
    assertThat(listed).hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void checksS3LocationsEnumsAndArnsOutsideLmi() {
    assertCreateInvalid(
        b -> b.code(c -> c.s3Bucket("Bad Bucket!").s3Key("k")), "at 'code.s3Bucket'");
    assertCreateInvalid(b -> b.code(c -> c.s3Bucket("bucket").s3Key("")), "at 'code.s3Key'");
    assertCreateInvalid(b -> b.tracingConfig(t -> t.mode("Sometimes")), "enum value set");
    assertCreateInvalid(
        b -> b.loggingConfig(l -> l.systemLogLevel("LOUD")), "at 'loggingConfig.systemLogLevel'");
    assertCreateInvalid(b -> b.kmsKeyArn("not-an-arn"), "at 'kMSKeyArn'");
    assertCreateInvalid(
        b -> b.loggingConfig(l -> l.logGroup("bad group")), "at 'loggingConfig.logGroup'");
    assertCreateInvalid(
        b -> b.deadLetterConfig(d -> d.targetArn("queue")), "at 'deadLetterConfig.targetArn'");
    assertCreateInvalid(b -> b.codeSigningConfigArn("csc"), "at 'codeSigningConfigArn'");
    assertCreateInvalid(b -> b.snapStart(s -> s.applyOn("Always")), "at 'snapStart.applyOn'");
    assertCreateInvalid(
        b -> b.tenancyConfig(t -> t.tenantIsolationMode("SHARED")),
        "at 'tenancyConfig.tenantIsolationMode'");
    assertCreateInvalid(b -> b.layers("layer"), "at 'layers.1.member'");
  }

  @Test
  void checksListSizesAndNestedRequiredMembers() {
    var seventeen = new String[17];
    java.util.Arrays.fill(seventeen, "subnet-1");
    assertCreateInvalid(
        b -> b.vpcConfig(v -> v.subnetIds(seventeen)),
        "at 'vpcConfig.subnetIds' failed to satisfy constraint: Member must have length less than"
            + " or equal to 16");
    assertCreateInvalid(
        b -> b.ephemeralStorage(e -> {}),
        "Value null at 'ephemeralStorage.size' failed to satisfy constraint: Member must not be"
            + " null");
    assertCreateInvalid(
        b -> b.fileSystemConfigs(f -> f.arn("efs").localMountPath("/mnt/x")),
        "at 'fileSystemConfigs.1.member.arn'");
    assertCreateInvalid(
        b -> b.imageConfig(i -> i.workingDirectory("w".repeat(1001))),
        "at 'imageConfig.workingDirectory'");
  }

  @Test
  void checksNamesInThePathForEachOperation() {
    var long141 = "f".repeat(141);
    var message = "at 'functionName' failed to satisfy constraint: Member must have length less";

    assertInvalid(
        () -> lambda.updateFunctionCode(b -> b.functionName(long141).s3Bucket("bucket").s3Key("k")),
        message);
    assertInvalid(() -> lambda.publishVersion(b -> b.functionName(long141)), message);
    assertInvalid(() -> lambda.listAliases(b -> b.functionName(long141)), message);
    assertInvalid(
        () -> lambda.updateFunctionConfiguration(b -> b.functionName(long141).timeout(5)), message);
    assertInvalid(
        () -> lambda.getAlias(b -> b.functionName("plain").name("123")),
        "Value '123' at 'name' failed to satisfy constraint: Member must satisfy regular"
            + " expression pattern");
    assertInvalid(() -> lambda.deleteAlias(b -> b.functionName("plain").name("123")), "at 'name'");
    assertInvalid(
        () -> lambda.listAliases(b -> b.functionName("plain").functionVersion("live")),
        "at 'functionVersion'");
  }

  @Test
  void aNameTheModelAllowsButNoFunctionHasIsNotFound() {
    assertThatThrownBy(() -> lambda.deleteFunction(b -> b.functionName("g".repeat(200))))
        .isInstanceOf(software.amazon.awssdk.services.lambda.model.ResourceNotFoundException.class);
  }

  @Test
  void aRequiredMemberSentAsJsonNullIsMissing() throws Exception {
    var body =
        "{\"FunctionName\":null,\"Role\":\"arn:aws:iam::123456789012:role/r\","
            + "\"Code\":{\"S3Bucket\":\"bucket\",\"S3Key\":\"k\"}}";
    var answer =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(emulator.endpoint() + "/2015-03-31/functions"))
                    .header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body())
        .contains(
            "Value null at 'functionName' failed to satisfy constraint: Member must not be null");
  }
}
