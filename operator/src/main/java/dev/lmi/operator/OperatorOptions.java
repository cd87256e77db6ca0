package dev.lmi.operator;

import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Option;

/** Options shared by `run` and the local mode; each has an environment-variable fallback. */
public class OperatorOptions {
  /** The region to use: the option, else the AWS SDK's region chain, else a clear error. */
  String resolvedRegion() {
    if (region != null && !region.isBlank()) {
      return region;
    }
    try {
      return new software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain()
          .getRegion()
          .id();
    } catch (software.amazon.awssdk.core.exception.SdkClientException e) {
      throw new picocli.CommandLine.ParameterException(
          new picocli.CommandLine(this), "no AWS region: set --region or AWS_REGION");
    }
  }

  @Option(
      names = "--namespaces",
      split = ",",
      defaultValue = "${env:LMI_NAMESPACES}",
      description =
          "Namespaces to watch for LmiFunctions, comma-separated; all when empty (env LMI_NAMESPACES).")
  List<String> namespaces;

  @Option(
      names = "--region",
      defaultValue = "${env:AWS_REGION}",
      description =
          "Default AWS region (env AWS_REGION; else the SDK's region chain: AWS_DEFAULT_REGION,"
              + " profile, instance metadata).")
  String region;

  @Option(
      names = "--lease-name",
      defaultValue = "${env:LMI_LEASE_NAME:-lmi-operator-leader}",
      description =
          "Name of the leader-election Lease; give each install its own (env LMI_LEASE_NAME;"
              + " default ${DEFAULT-VALUE}).")
  String leaseName;

  @Option(
      names = "--log-level",
      defaultValue = "${env:LMI_LOG_LEVEL:-info}",
      description =
          "Log level of the operator's own loggers: trace, debug, info, warn, error (env"
              + " LMI_LOG_LEVEL; default ${DEFAULT-VALUE}).")
  String logLevel;

  @Option(
      names = "--log-format",
      defaultValue = "${env:LMI_LOG_FORMAT:-text}",
      description =
          "Log format: text, or json (one JSON object per line on stderr) (env LMI_LOG_FORMAT;"
              + " default ${DEFAULT-VALUE}).")
  LogOutput logFormat;

  /** The values of --log-format; Main applies the choice before the first logger exists. */
  public enum LogOutput {
    text,
    json
  }

  @Option(
      names = "--resync-period",
      defaultValue = "${env:LMI_RESYNC_PERIOD:-10m}",
      converter = DurationConverter.class,
      description =
          "How often converged resources are re-read to put back drift, e.g. 10m, 5s (env LMI_RESYNC_PERIOD; default ${DEFAULT-VALUE}).")
  Duration resyncPeriod;

  @Option(
      names = "--max-concurrent-reconciles",
      defaultValue = "${env:LMI_MAX_CONCURRENT_RECONCILES:-10}",
      description =
          "Reconciles running at once (env LMI_MAX_CONCURRENT_RECONCILES; default ${DEFAULT-VALUE}).")
  int maxConcurrentReconciles;

  @Option(
      names = "--leader-election",
      defaultValue = "${env:LMI_LEADER_ELECTION:-false}",
      description =
          "Elect a leader through a Lease so only one replica reconciles (env LMI_LEADER_ELECTION).")
  boolean leaderElection;

  @Option(
      names = "--lease-namespace",
      defaultValue = "${env:POD_NAMESPACE:-default}",
      description =
          "Namespace of the leader-election Lease and of Events about cluster-scoped objects (env POD_NAMESPACE).")
  String leaseNamespace;

  @Option(
      names = "--metrics-port",
      defaultValue = "${env:LMI_METRICS_PORT:-8080}",
      description =
          "Port of the Prometheus /metrics endpoint; 0 disables it (env LMI_METRICS_PORT; default ${DEFAULT-VALUE}).")
  int metricsPort;

  @Option(
      names = "--health-port",
      defaultValue = "${env:LMI_HEALTH_PORT:-8081}",
      description =
          "Port of /healthz and /readyz; 0 disables it (env LMI_HEALTH_PORT; default ${DEFAULT-VALUE}).")
  int healthPort;

  @Option(
      names = "--cluster-name",
      defaultValue = "${env:LMI_CLUSTER_NAME:-default}",
      description =
          "Recorded in the owner tag of every AWS resource the operator creates: give each"
              + " cluster sharing an AWS account its own (1-63 letters, digits, '.', '_', '-'; env"
              + " LMI_CLUSTER_NAME; default ${DEFAULT-VALUE}, which clusters would share).")
  String clusterName;

  @Option(
      names = "--price-table",
      defaultValue = "${env:LMI_PRICE_TABLE}",
      paramLabel = "FILE",
      description =
          "Price table for the cost estimates in status.cost (YAML; see the README's Capacity and"
              + " cost); read at start, and the operator does not start when it is invalid (env"
              + " LMI_PRICE_TABLE; default: the table in the jar).")
  java.nio.file.Path priceTable;

  @Option(
      names = "--aws-calls-per-second",
      defaultValue = "${env:LMI_AWS_CALLS_PER_SECOND:-20}",
      description =
          "Client-side limit on all AWS calls; capacity-provider writes are also held to 1/s (env LMI_AWS_CALLS_PER_SECOND; default ${DEFAULT-VALUE}).")
  double awsCallsPerSecond;
}
