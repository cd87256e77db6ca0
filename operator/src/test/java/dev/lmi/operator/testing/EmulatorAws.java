package dev.lmi.operator.testing;

import dev.lmi.emulator.EmulatorConfig;
import dev.lmi.emulator.LmiEmulator;
import dev.lmi.emulator.Timings;
import dev.lmi.operator.aws.AwsCalls;
import dev.lmi.operator.aws.AwsClients;
import dev.lmi.operator.aws.Gateways;
import dev.lmi.operator.metrics.OperatorMetrics;
import java.nio.file.Path;
import java.time.Clock;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * The emulator on a clock the test moves, holding one function with two Active versions behind
 * alias live on version 1, and the operator's gateways and plain SDK clients on it: for ITs that
 * drive AWS directly, without the operator.
 */
public final class EmulatorAws implements AutoCloseable {
  private final LmiEmulator emulator;
  private final AwsClients clients;
  private final LambdaClient lambda;
  private final CloudWatchClient cloudwatch;

  private EmulatorAws(LmiEmulator emulator) {
    this.emulator = emulator;
    this.clients =
        new AwsClients(
            emulator.region(),
            emulator.endpoint(),
            OperatorHarness.CREDENTIALS,
            new AwsCalls(new OperatorMetrics(), 500, 50));
    this.lambda = client(LambdaClient.builder(), emulator);
    this.cloudwatch = client(CloudWatchClient.builder(), emulator);
  }

  /**
   * @param codeDir where the handler's jar is written for the emulator to run
   * @param function the name of the function made (see {@link EmulatorFunctions})
   */
  public static EmulatorAws start(Path codeDir, Clock clock, String function) {
    HandlerCode.write(codeDir.resolve("code/ok.jar"));
    var aws =
        new EmulatorAws(
            LmiEmulator.start(
                EmulatorConfig.defaults()
                    .withTimings(Timings.instant())
                    .withCodeDir(codeDir)
                    .withClock(clock)));
    EmulatorFunctions.create(aws.lambda, function, 2);
    return aws;
  }

  public LmiEmulator emulator() {
    return emulator;
  }

  /** The operator's gateways for the emulator's region. */
  public Gateways gateways() {
    return clients.forRegion(null);
  }

  public LambdaClient lambda() {
    return lambda;
  }

  public CloudWatchClient cloudwatch() {
    return cloudwatch;
  }

  /** An alarm on the function's Errors, summed over a minute, above {@code threshold}. */
  public void errorsAlarm(String alarm, String function, double threshold) {
    cloudwatch.putMetricAlarm(
        r ->
            r.alarmName(alarm)
                .namespace("AWS/Lambda")
                .metricName("Errors")
                .dimensions(d -> d.name("FunctionName").value(function))
                .statistic(Statistic.SUM)
                .period(60)
                .evaluationPeriods(1)
                .threshold(threshold)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD));
  }

  /** One invocation of the function's alias live, as a client sends it. */
  public InvokeResponse invoke(String function) {
    return lambda.invoke(
        b -> b.functionName(function).qualifier("live").payload(SdkBytes.fromUtf8String("{}")));
  }

  @Override
  public void close() {
    lambda.close();
    cloudwatch.close();
    clients.close();
    emulator.close();
  }

  private static <B extends AwsClientBuilder<B, C>, C> C client(B builder, LmiEmulator emulator) {
    return builder
        .endpointOverride(emulator.endpoint())
        .region(Region.of(emulator.region()))
        .credentialsProvider(OperatorHarness.CREDENTIALS)
        .build();
  }
}
