package dev.lmi.emulator.model;

import static dev.lmi.emulator.lambda.LmiFixtures.createProvider;
import static dev.lmi.emulator.lambda.LmiFixtures.lmiFunction;
import static dev.lmi.emulator.lambda.LmiFixtures.standardFunction;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lmi.emulator.EmulatorConfig;
import dev.lmi.emulator.LmiEmulator;
import dev.lmi.emulator.Timings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * Every answer of a broad Lambda session, walked through the model's output shapes: a member of the
 * wrong type (as Layers once was) or unknown to the model fails here, whatever operation sent it.
 */
class ResponseShapesIT {
  /** LMI members from a newer model than botocore's (lmi-api.md), sent on purpose. */
  private static final Set<String> NEWER =
      Set.of("CapacityProvider.PropagateTags", "CapacityProvider.TelemetryConfig");

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Keeps each raw answer with its operation name before the SDK parses it. */
  private static final class Recorder implements ExecutionInterceptor {
    final List<Map.Entry<String, byte[]>> answers = new ArrayList<>();

    @Override
    public Optional<InputStream> modifyHttpResponseContent(
        Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
      var body = context.responseBody();
      if (body.isEmpty() || !context.httpResponse().isSuccessful()) {
        return body;
      }
      try {
        var bytes = body.get().readAllBytes();
        var op = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        answers.add(Map.entry(op, bytes));
        return Optional.of(new ByteArrayInputStream(bytes));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @Test
  void everyAnswerHasTheModelsOutputShape() throws Exception {
    var recorder = new Recorder();
    try (var emulator =
            LmiEmulator.start(EmulatorConfig.defaults().withTimings(Timings.instant()));
        var lambda = client(emulator, recorder)) {
      session(lambda);
    }
    var checker = new OutputShapes("lambda", NEWER);
    var problems = new ArrayList<String>();
    var operations = new java.util.TreeSet<String>();
    for (var answer : recorder.answers) {
      operations.add(answer.getKey());
      var json = answer.getValue().length == 0 ? null : JSON.readTree(answer.getValue());
      if (!answer.getKey().equals("Invoke")) {
        problems.addAll(checker.differences(answer.getKey(), json));
      }
    }

    assertThat(operations).hasSizeGreaterThanOrEqualTo(20);
    assertThat(problems).isEmpty();
  }

  private static void session(LambdaClient lambda) {
    var cp = createProvider(lambda, "shapes");
    lambda.getCapacityProvider(b -> b.capacityProviderName("shapes"));
    lambda.updateCapacityProvider(
        b ->
            b.capacityProviderName("shapes").capacityProviderScalingConfig(s -> s.maxVCpuCount(8)));
    lambda.listCapacityProviders(b -> {});
    lambda.createFunction(
        standardFunction("std")
            .layers("arn:aws:lambda:us-east-1:123456789012:layer:deps:3")
            .environment(e -> e.variables(Map.of("AB", "1")))
            .vpcConfig(v -> v.subnetIds("subnet-1").securityGroupIds("sg-1"))
            .tracingConfig(t -> t.mode("Active"))
            .deadLetterConfig(d -> d.targetArn("arn:aws:sqs:us-east-1:123456789012:dlq"))
            .ephemeralStorage(e -> e.size(1024))
            .loggingConfig(l -> l.logFormat("JSON").applicationLogLevel("INFO"))
            .build());
    lambda.createFunction(lmiFunction("lmi", cp).code(c -> c.zipFile(std())).build());
    lambda.getFunction(b -> b.functionName("std"));
    lambda.getFunctionConfiguration(b -> b.functionName("lmi"));
    lambda.updateFunctionConfiguration(b -> b.functionName("std").description("d").timeout(10));
    lambda.updateFunctionCode(b -> b.functionName("std").zipFile(std()));
    lambda.publishVersion(b -> b.functionName("std"));
    lambda.publishVersion(b -> b.functionName("lmi").publishTo("LATEST_PUBLISHED"));
    lambda.publishVersion(b -> b.functionName("lmi"));
    lambda.listVersionsByFunction(b -> b.functionName("std"));
    lambda.listFunctionVersionsByCapacityProvider(b -> b.capacityProviderName("shapes"));
    lambda.putFunctionScalingConfig(
        b ->
            b.functionName("lmi")
                .qualifier("1")
                .functionScalingConfig(
                    s -> s.minExecutionEnvironments(1).maxExecutionEnvironments(2)));
    lambda.getFunctionScalingConfig(b -> b.functionName("lmi").qualifier("1"));
    lambda.createAlias(b -> b.functionName("std").name("live").functionVersion("1"));
    lambda.updateAlias(b -> b.functionName("std").name("live").description("now"));
    lambda.getAlias(b -> b.functionName("std").name("live"));
    lambda.listAliases(b -> b.functionName("std"));
    lambda.listFunctions(b -> {});
    var arn = lambda.getFunction(b -> b.functionName("std")).configuration().functionArn();
    lambda.tagResource(b -> b.resource(arn).tags(Map.of("k", "v")));
    lambda.listTags(b -> b.resource(arn));
    lambda.untagResource(b -> b.resource(arn).tagKeys("k"));
    lambda.deleteAlias(b -> b.functionName("std").name("live"));
    lambda.deleteFunction(b -> b.functionName("lmi"));
    lambda.deleteFunction(b -> b.functionName("std"));
  }

  private static software.amazon.awssdk.core.SdkBytes std() {
    return software.amazon.awssdk.core.SdkBytes.fromByteArray(dev.lmi.emulator.lambda.Zips.tiny());
  }

  private static LambdaClient client(LmiEmulator emulator, Recorder recorder) {
    return LambdaClient.builder()
        .endpointOverride(emulator.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(
            o ->
                o.addExecutionInterceptor(recorder)
                    .retryStrategy(
                        software.amazon.awssdk.awscore.retry.AwsRetryStrategy.doNotRetry()))
        .build();
  }
}
