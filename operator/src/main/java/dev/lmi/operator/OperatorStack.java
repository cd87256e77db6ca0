package dev.lmi.operator;

import dev.lmi.operator.aws.AwsCalls;
import dev.lmi.operator.aws.AwsClients;
import dev.lmi.operator.capacity.PriceTable;
import dev.lmi.operator.capacity.PriceTables;
import dev.lmi.operator.metrics.OperatorMetrics;
import dev.lmi.operator.reconciler.CapacitySettings;
import dev.lmi.operator.reconciler.OperatorSettings;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URI;
import java.time.Clock;
import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * The one assembly of the operator, used by `run`, the tests, the local mode and the benchmark: AWS
 * clients behind the call limits, both reconcilers and, when ports are given, the probes. Closing
 * stops them in reverse; the Kubernetes client stays the caller's.
 */
public final class OperatorStack implements OperatorProbes, AutoCloseable {
  private final AwsClients aws;
  private final OperatorApp app;
  private final ProbeServer probes;
  private final PriceTable priceTable;

  private OperatorStack(AwsClients aws, OperatorApp app, ProbeServer probes, PriceTable prices) {
    this.aws = aws;
    this.app = app;
    this.probes = probes;
    this.priceTable = prices;
  }

  /** The prices the cost estimates (status.cost) are computed with. */
  public PriceTable priceTable() {
    return priceTable;
  }

  public static Builder on(KubernetesClient client) {
    return new Builder(client);
  }

  public OperatorStack start() {
    app.start();
    return this;
  }

  @Override
  public boolean ready() {
    return app.ready();
  }

  @Override
  public java.util.Optional<String> wedged() {
    return app.wedged();
  }

  @Override
  public void close() {
    try (aws;
        app) {
      if (probes != null) {
        probes.close();
      }
    }
  }

  /** What the operator is built from; unset parts are as in `run`, but the probes are off. */
  public static final class Builder {
    private final KubernetesClient client;
    private Clock clock = Clock.systemUTC();
    private String region;
    private URI endpoint;
    private AwsCredentialsProvider credentials;
    private OperatorSettings settings = OperatorSettings.defaults();
    private Set<String> namespaces = Set.of();
    private int concurrency = 10;
    private LeaderElection leaderElection;
    private OperatorMetrics metrics = new OperatorMetrics();
    private double awsCallsPerSecond = 20;
    private int metricsPort;
    private int healthPort;
    private PriceTable priceTable = PriceTables.defaults();

    private Builder(KubernetesClient client) {
      this.client = Objects.requireNonNull(client, "client");
    }

    /** The default AWS region (required). */
    public Builder region(String r) {
      region = r;
      return this;
    }

    /** Where AWS calls go instead of AWS's own endpoints; null for AWS. */
    public Builder endpoint(URI e) {
      endpoint = e;
      return this;
    }

    /** Null for the SDK's default chain (IRSA, EKS Pod Identity, environment). */
    public Builder credentials(AwsCredentialsProvider c) {
      credentials = c;
      return this;
    }

    public Builder settings(OperatorSettings s) {
      settings = s;
      return this;
    }

    /** Namespaces to watch for LmiFunctions; empty means all. */
    public Builder namespaces(Set<String> n) {
      namespaces = Set.copyOf(n);
      return this;
    }

    public Builder concurrency(int reconciles) {
      concurrency = reconciles;
      return this;
    }

    /** Null (the default) disables leader election. */
    public Builder leaderElection(LeaderElection e) {
      leaderElection = e;
      return this;
    }

    public Builder metrics(OperatorMetrics m) {
      metrics = m;
      return this;
    }

    public Builder awsCallsPerSecond(double limit) {
      awsCallsPerSecond = limit;
      return this;
    }

    /** The prices for status.cost; the table in the jar unless given. */
    public Builder priceTable(PriceTable p) {
      priceTable = Objects.requireNonNull(p, "priceTable");
      return this;
    }

    /** Ports of /metrics and of /healthz, /readyz; 0 (the default) serves neither. */
    public Builder probes(int metrics, int health) {
      metricsPort = metrics;
      healthPort = health;
      return this;
    }

    /**
     * The one clock the reconcilers read: status times, a rollout's pauses and the schedules'
     * firings (default: the system's, in UTC; tests move it through pauses and firings).
     */
    public Builder clock(Clock c) {
      clock = Objects.requireNonNull(c, "clock");
      return this;
    }

    /** Builds everything, not started; what was built is closed again if a later part fails. */
    public OperatorStack build() {
      Objects.requireNonNull(region, "region");
      var aws =
          new AwsClients(
              region, endpoint, credentials, new AwsCalls(metrics, awsCallsPerSecond, 1));
      try {
        var app =
            new OperatorApp(
                client,
                aws,
                settings,
                metrics,
                namespaces,
                concurrency,
                leaderElection,
                new CapacitySettings(priceTable, clock));
        try {
          var probes =
              metricsPort > 0 || healthPort > 0
                  ? new ProbeServer(metricsPort, healthPort, metrics, app)
                  : null;
          return new OperatorStack(aws, app, probes, priceTable);
        } catch (RuntimeException e) {
          app.close();
          throw e;
        }
      } catch (RuntimeException e) {
        aws.close();
        throw e;
      }
    }
  }
}
