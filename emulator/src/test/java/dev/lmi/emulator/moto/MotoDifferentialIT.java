package dev.lmi.emulator.moto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lmi.emulator.Clients;
import dev.lmi.emulator.EmulatorConfig;
import dev.lmi.emulator.LmiEmulator;
import dev.lmi.emulator.Timings;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Sends the same SDK call sequences to moto and to the emulator and compares the outcomes. Where
 * they differ, lmi-api.md (AWS's documented behaviour) decides, and the difference is listed in
 * {@link #KNOWN_DIFFERENCES} with the emulator's answer (and in emulator/README.md).
 */
class MotoDifferentialIT {
  static final Map<String, String> KNOWN_DIFFERENCES =
      Map.of(
          "lambda.create.state", "ok Pending",
          "lambda.create.layered", "ok arn:aws:lambda:us-east-1:123456789012:layer:deps:3",
          "lambda.get.invalidName", "error ValidationException",
          "lambda.deleteVersion.heldByAlias", "error ResourceConflictException",
          "ec2.createEndpoint.unknownService", "error InvalidServiceName",
          "ec2.deleteEndpoints.unknownId", "ok unsuccessful=1",
          "ec2.describeEndpoints.afterDelete", "ok 0",
          "lambda.alias.delete", "ok 204",
          "sts.arn", "ok arn:aws:iam::123456789012:user/lmi-emulator");

  private static MotoServer moto;
  private static LmiEmulator emulator;

  @BeforeAll
  static void start() throws Exception {
    var available = MotoServer.available();
    if ("true".equals(System.getenv("CI"))) {
      assertThat(available).as("python3 with moto must be importable when CI=true").isTrue();
    }
    assumeTrue(available, "moto is not installed; skipping the differential check");
    moto = MotoServer.start();
    moto.createRole("lambda");
    emulator = LmiEmulator.start(EmulatorConfig.defaults().withTimings(Timings.instant()));
  }

  @AfterAll
  static void stop() {
    if (moto != null) {
      moto.close();
    }
    if (emulator != null) {
      emulator.close();
    }
  }

  @Test
  void standardFunctionsVersionsAndAliasesBehaveAlikeExceptWhereAwsDiffers() {
    compare(lambdaTranscript(moto.endpoint()), lambdaTranscript(emulator.endpoint()));
  }

  @Test
  void ec2DescribesAndEndpointsBehaveAlikeExceptWhereAwsDiffers() {
    compare(Ec2Scenario.run(moto.endpoint()), Ec2Scenario.run(emulator.endpoint()));
  }

  private static void compare(Transcript fromMoto, Transcript fromEmulator) {
    System.out.println("moto:     " + fromMoto.steps());
    System.out.println("emulator: " + fromEmulator.steps());
    assertThat(fromEmulator.steps().keySet()).isEqualTo(fromMoto.steps().keySet());
    for (var step : fromMoto.steps().keySet()) {
      var expected = KNOWN_DIFFERENCES.getOrDefault(step, fromMoto.steps().get(step));
      assertThat(fromEmulator.steps().get(step)).as(step).isEqualTo(expected);
    }
  }

  private static Transcript lambdaTranscript(URI endpoint) {
    try (var lambda = lambda(endpoint);
        var sts = sts(endpoint)) {
      return LambdaScenario.run(lambda, sts);
    }
  }

  static LambdaClient lambda(URI endpoint) {
    return LambdaClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
        .build();
  }

  static StsClient sts(URI endpoint) {
    return StsClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  static software.amazon.awssdk.services.ec2.Ec2Client ec2(URI endpoint) {
    return Clients.ec2(endpoint);
  }
}
