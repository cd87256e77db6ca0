package dev.lmi.operator.testing;

import dev.lmi.emulator.EmulatorConfig;
import dev.lmi.emulator.LmiEmulator;
import dev.lmi.emulator.Timings;
import dev.lmi.operator.LeaderElection;
import dev.lmi.operator.OperatorStack;
import dev.lmi.operator.aws.AwsCalls;
import dev.lmi.operator.aws.AwsClients;
import dev.lmi.operator.metrics.OperatorMetrics;
import dev.lmi.operator.reconciler.OperatorSettings;
import dev.lmi.sandbox.Sandbox;
import dev.lmi.sandbox.kube.Admission;
import dev.lmi.sandbox.kube.KubeOptions;
import dev.lmi.sandbox.kube.KubectlCompat;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.Dispatcher;
import java.time.Duration;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * Real local servers for integration tests: the sandbox's Kubernetes API (the fabric8 mock in CRUD
 * mode with our CRDs installed) and LMI emulator, and the operator wired exactly as in production.
 */
public final class OperatorHarness implements AutoCloseable {
  public static final StaticCredentialsProvider CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
  private final Sandbox sandbox;
  private final KubernetesClient client;
  private final LmiEmulator emulator;
  private final OperatorMetrics metrics = new OperatorMetrics();
  private OperatorSettings settings;
  private int concurrency = 4;
  private OperatorStack stack;

  /**
   * The bare mock; with {@code -Dlmi.test.admission=true}, the mock as the local mode serves it
   * (every harness test then runs through admission).
   */
  public OperatorHarness(Timings timings) {
    this(
        timings,
        Boolean.getBoolean("lmi.test.admission")
            ? d -> new KubectlCompat(d, new ValidatorAdmission())
            : UnaryOperator.identity());
  }

  /**
   * The mock as the local mode serves it: behind {@link KubectlCompat} with the operator's
   * validator as admission, so objects are pruned, defaulted and validated as on a real API server,
   * merge patches follow RFC 7386 and status writes with a query string are kept.
   */
  public static OperatorHarness kubectlCompatible(Timings timings, Admission admission) {
    return new OperatorHarness(timings, d -> new KubectlCompat(d, admission));
  }

  /**
   * @param dispatcher wraps the mock's CRUD dispatcher, e.g. to record requests or answer what the
   *     mock does not implement
   */
  public OperatorHarness(Timings timings, UnaryOperator<Dispatcher> dispatcher) {
    this(EmulatorConfig.defaults().withTimings(timings), dispatcher);
  }

  /** The bare mock and an emulator configured by the caller (a code folder, a clock...). */
  public static OperatorHarness withEmulator(EmulatorConfig emulatorConfig) {
    return new OperatorHarness(emulatorConfig, UnaryOperator.identity());
  }

  private OperatorHarness(EmulatorConfig emulatorConfig, UnaryOperator<Dispatcher> dispatcher) {
    sandbox =
        Sandbox.start(
            KubeOptions.crud()
                .wrappedBy(dispatcher)
                .withNamespaces("default", "orders", "search", "other"),
            emulatorConfig);
    client = sandbox.kube().client();
    emulator = sandbox.emulator();
    settings =
        OperatorSettings.defaults()
            .withPoll(Duration.ofMillis(200))
            .withResync(Duration.ofSeconds(30));
  }

  /** How many reconciles the operator runs at once (default 4). */
  public OperatorHarness withConcurrency(int n) {
    this.concurrency = n;
    return this;
  }

  public OperatorHarness withSettings(OperatorSettings s) {
    this.settings = s;
    return this;
  }

  public OperatorHarness startOperator() {
    stack = operatorStack(client).concurrency(concurrency).build().start();
    return this;
  }

  /**
   * The operator as production assembles it, pointed at this harness's emulator with its settings
   * and metrics; the caller may change anything before building it, and closes what it builds.
   */
  public OperatorStack.Builder operatorStack(KubernetesClient operatorClient) {
    return OperatorStack.on(operatorClient)
        .region("us-east-1")
        .endpoint(emulator.endpoint())
        .credentials(CREDENTIALS)
        .settings(settings)
        .metrics(metrics)
        .concurrency(4)
        .awsCallsPerSecond(200);
  }

  /** AWS clients pointed at the emulator, counting into the given metrics. */
  public AwsClients newAwsClients(OperatorMetrics into) {
    return new AwsClients(
        "us-east-1", emulator.endpoint(), CREDENTIALS, new AwsCalls(into, 200, 1));
  }

  /** Leader election with short leases, so a hand-over takes seconds in tests. */
  public static LeaderElection fastElection(String namespace) {
    return new LeaderElection(
        "lmi-operator-leader",
        namespace,
        Duration.ofSeconds(3),
        Duration.ofSeconds(2),
        Duration.ofMillis(300),
        false);
  }

  public OperatorSettings settings() {
    return settings;
  }

  /**
   * Starts the operator on its own client (so its requests can be told apart from the test's), with
   * leader election when leaseNamespace is not null.
   */
  public OperatorHarness startOperator(KubernetesClient operatorClient, String leaseNamespace) {
    stack =
        operatorStack(operatorClient)
            .leaderElection(leaseNamespace == null ? null : fastElection(leaseNamespace))
            .build()
            .start();
    return this;
  }

  public KubernetesMockServer mockServer() {
    return sandbox.kube().mockServer();
  }

  public void stopOperator() {
    if (stack != null) {
      stack.close();
      stack = null;
    }
  }

  public KubernetesClient client() {
    return client;
  }

  public LmiEmulator emulator() {
    return emulator;
  }

  public OperatorMetrics metrics() {
    return metrics;
  }

  public LambdaClient lambda() {
    return LambdaClient.builder()
        .region(Region.US_EAST_1)
        .credentialsProvider(CREDENTIALS)
        .endpointOverride(emulator.endpoint())
        .build();
  }

  @Override
  public void close() {
    stopOperator();
    sandbox.close();
  }
}
