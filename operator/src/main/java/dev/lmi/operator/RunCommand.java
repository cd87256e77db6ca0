package dev.lmi.operator;

import dev.lmi.operator.capacity.PriceTable;
import dev.lmi.operator.capacity.PriceTableException;
import dev.lmi.operator.capacity.PriceTables;
import dev.lmi.operator.reconciler.OperatorSettings;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** `run`: the operator against the cluster of the kubeconfig or in-cluster config. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description =
        "Run the operator (the default command). AWS endpoint from AWS_ENDPOINT_URL, credentials from the default chain (IRSA, EKS Pod Identity, environment).")
public final class RunCommand implements Callable<Integer> {
  @Mixin OperatorOptions options = new OperatorOptions();

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RunCommand.class);

  @Override
  public Integer call() throws InterruptedException {
    if (OperatorSettings.DEFAULT_CLUSTER_NAME.equals(options.clusterName)) {
      LOG.warn(
          "--cluster-name is \"{}\": every AWS resource this operator creates is owned by that"
              + " name; another cluster left at the default in the same AWS account would manage"
              + " (and may delete) the same resources. Give each cluster its own name"
              + " (LMI_CLUSTER_NAME, chart value operator.clusterName).",
          options.clusterName);
    }
    var endpoint = System.getenv("AWS_ENDPOINT_URL");
    try (var client = new KubernetesClientBuilder().build();
        var stack =
            stack(options, client)
                .endpoint(endpoint == null || endpoint.isBlank() ? null : URI.create(endpoint))
                .probes(options.metricsPort, options.healthPort)
                .build()) {
      var stop = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
      stack.start();
      stop.await();
    }
    return 0;
  }

  /** The operator as these options configure it, on the given cluster. */
  static OperatorStack.Builder stack(OperatorOptions o, KubernetesClient client) {
    OperatorSettings settings;
    try {
      settings =
          new OperatorSettings(
              o.resyncPeriod, Duration.ofSeconds(5), o.clusterName, o.leaseNamespace);
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(
          new picocli.CommandLine(o), "--cluster-name: " + e.getMessage());
    }
    var prices = priceTable(o);
    LOG.info("Cost estimates use the price table {}", prices.label());
    var namespaces = o.namespaces == null ? new HashSet<String>() : new HashSet<>(o.namespaces);
    namespaces.removeIf(String::isBlank);
    return OperatorStack.on(client)
        .region(o.resolvedRegion())
        .settings(settings)
        .namespaces(namespaces)
        .concurrency(o.maxConcurrentReconciles)
        .awsCallsPerSecond(o.awsCallsPerSecond)
        .priceTable(prices)
        .leaderElection(o.leaderElection ? LeaderElection.in(o.leaseName, o.leaseNamespace) : null);
  }

  /** The price table --price-table names, else the one in the jar; a clear error when invalid. */
  static PriceTable priceTable(OperatorOptions o) {
    if (o.priceTable == null || o.priceTable.toString().isBlank()) {
      return PriceTables.defaults();
    }
    try {
      return PriceTables.load(o.priceTable);
    } catch (PriceTableException e) {
      throw new picocli.CommandLine.ParameterException(
          new picocli.CommandLine(o), "--price-table: " + e.getMessage());
    }
  }
}
