package dev.lmi.operator.testing;

import dev.lmi.emulator.EmulatorConfig;
import dev.lmi.emulator.LmiEmulator;
import dev.lmi.emulator.Timings;
import dev.lmi.operator.LeaderElection;
import dev.lmi.operator.OperatorStack;
import dev.lmi.operator.aws.AwsCalls;
import dev.lmi.operator.aws.AwsClients;
import dev.lmi.operator.local.kube.KubectlCompat;
import dev.lmi.operator.metrics.OperatorMetrics;
import dev.lmi.operator.reconciler.OperatorSettings;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.Dispatcher;
import java.net.InetAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * Real local servers for integration tests: the fabric8 mock API server in CRUD mode with our CRDs
 * installed, the LMI emulator over HTTP, and the operator wired exactly as in production.
 */
public final class OperatorHarness implements AutoCloseable {
  public static final StaticCredentialsProvider CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
  private final KubernetesMockServer server;
  private final KubernetesClient client;
  private final LmiEmulator emulator;
  private final OperatorMetrics metrics = new OperatorMetrics();
  private OperatorSettings settings;
  private int concurrency = 4;
  private OperatorStack stack;

  public OperatorHarness(Timings timings) {
    this(timings, UnaryOperator.identity());
  }

  /**
   * The mock as the local mode serves it: behind {@link KubectlCompat}, so merge patches delete
   * keys (RFC 7386), status writes with a query string are kept and dry runs are refused.
   */
  public static OperatorHarness kubectlCompatible(Timings timings) {
    return new OperatorHarness(timings, KubectlCompat::new);
  }

  /**
   * @param dispatcher wraps the mock's CRUD dispatcher, e.g. to record requests or answer what the
   *     mock does not implement
   */
  public OperatorHarness(Timings timings, UnaryOperator<Dispatcher> dispatcher) {
    var responses =
        new HashMap<
            io.fabric8.mockwebserver.ServerRequest,
            java.util.Queue<io.fabric8.mockwebserver.ServerResponse>>();
    server =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            responses,
            dispatcher.apply(new KubernetesMixedDispatcher(responses)),
            false);
    server.init(InetAddress.getLoopbackAddress(), 0);
    client = server.createClient();
    installCrds();
    for (var ns : new String[] {"default", "orders", "search", "other"}) {
      client
          .namespaces()
          .resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
          .create();
    }
    emulator = LmiEmulator.start(EmulatorConfig.defaults().withTimings(timings));
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
    return server;
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

  private void installCrds() {
    for (var name : new String[] {"capacityproviders.lmi.dev", "lmifunctions.lmi.dev"}) {
      try (var in = getClass().getResourceAsStream("/META-INF/fabric8/" + name + "-v1.yml")) {
        client.apiextensions().v1().customResourceDefinitions().load(in).create();
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  @Override
  public void close() {
    stopOperator();
    emulator.close();
    client.close();
    server.destroy();
  }
}
