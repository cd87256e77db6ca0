package dev.lmi.devkit.local;

import dev.lmi.emulator.EmulatorConfig;
import dev.lmi.emulator.LmiEmulator;
import dev.lmi.operator.OperatorStack;
import dev.lmi.operator.validation.ObjectValidator;
import dev.lmi.sandbox.DynamoDbLocal;
import dev.lmi.sandbox.Sandbox;
import dev.lmi.sandbox.kube.KubeApi;
import dev.lmi.sandbox.kube.KubeOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * The servers of the local mode in one process: DynamoDB Local, the emulator (with the handler jars
 * as S3 code), the Kubernetes API and, once started, the operator. Closing stops them in reverse.
 */
final class LocalStack implements AutoCloseable {
  static final StaticCredentialsProvider CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private final Map<String, String> savedProperties = new HashMap<>();
  private final LocalConfig config;
  private Sandbox sandbox;
  private Path kubeconfig;
  private Path awsConfig;
  private Chosen ports;

  /** The port each server got, against the one asked for. */
  record Chosen(Ports.Choice kube, Ports.Choice aws, Ports.Choice dynamoDb) {}

  private boolean closed;

  private LocalStack(LocalConfig config) {
    this.config = config;
  }

  static LocalStack start(LocalConfig config, HandlerJars jars) {
    var stack = new LocalStack(config);
    var asked = config.ports();
    stack.ports =
        new Chosen(
            Ports.choose(asked.kube()), Ports.choose(asked.aws()), Ports.choose(asked.dynamoDb()));
    try {
      stack.sandbox =
          stack.track(
              Sandbox.withDynamoDb(
                  KubeOptions.kubectl(stack.ports.kube().port())
                      .withAdmission(new CrdAdmission(new ObjectValidator()))
                      .quietly(),
                  EmulatorConfig.defaults()
                      .withPort(stack.ports.aws().port())
                      .withRegion(config.region())
                      .withCodeDir(jars.codeDir(config.workDir())),
                  stack.ports.dynamoDb().port()));
      stack.pointFunctionsAtDynamoDb();
      stack.kubeconfig = stack.kube().writeKubeconfig(config.stateDir().resolve("kubeconfig"));
      stack.awsConfig =
          AwsProfile.write(
              config.stateDir(),
              config.region(),
              stack.emulator().endpoint(),
              stack.dynamoDb().endpoint());
      return stack;
    } catch (RuntimeException e) {
      stack.close();
      throw e;
    }
  }

  /**
   * The functions run inside this JVM, so their DynamoDB client reads the SDK's system properties:
   * point it at DynamoDB Local, with dummy keys unless the environment has some (restored on
   * close).
   */
  private void pointFunctionsAtDynamoDb() {
    setProperty("aws.endpointUrlDynamoDb", dynamoDb().endpoint().toString());
    if (System.getenv("AWS_ACCESS_KEY_ID") == null
        && System.getProperty("aws.accessKeyId") == null) {
      setProperty("aws.accessKeyId", "local");
      setProperty("aws.secretAccessKey", "local");
    }
  }

  /** Starts the operator on the mock API and the emulator. */
  void startOperator() {
    track(
            OperatorStack.on(kube().client())
                .region(config.region())
                .endpoint(emulator().endpoint())
                .credentials(CREDENTIALS)
                .settings(config.settings())
                .namespaces(config.namespaces())
                .concurrency(config.maxConcurrentReconciles())
                .awsCallsPerSecond(config.awsCallsPerSecond())
                .probes(config.metricsPort(), config.healthPort())
                .build())
        .start();
  }

  LambdaClient lambda() {
    return track(
        LambdaClient.builder()
            .region(Region.of(config.region()))
            .credentialsProvider(CREDENTIALS)
            .endpointOverride(emulator().endpoint())
            .httpClientBuilder(ApacheHttpClient.builder().socketTimeout(Duration.ofSeconds(90)))
            .build());
  }

  KubeApi kube() {
    return sandbox.kube();
  }

  LmiEmulator emulator() {
    return sandbox.emulator();
  }

  DynamoDbLocal dynamoDb() {
    return sandbox.dynamoDb();
  }

  Path kubeconfig() {
    return kubeconfig;
  }

  Path awsConfig() {
    return awsConfig;
  }

  Chosen ports() {
    return ports;
  }

  private <T extends AutoCloseable> T track(T resource) {
    synchronized (started) {
      started.push(resource);
    }
    return resource;
  }

  private void setProperty(String name, String value) {
    savedProperties.put(name, System.getProperty(name));
    System.setProperty(name, value);
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    synchronized (started) {
      while (!started.isEmpty()) {
        try {
          started.pop().close();
        } catch (Exception e) {
          System.err.println("local mode: " + e.getMessage());
        }
      }
    }
    savedProperties.forEach(
        (k, v) -> {
          if (v == null) {
            System.clearProperty(k);
          } else {
            System.setProperty(k, v);
          }
        });
  }
}
