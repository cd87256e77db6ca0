package dev.lmi.devkit.local;

import dev.lmi.operator.reconciler.OperatorSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/**
 * Everything the local mode needs to know, resolved from the command line.
 *
 * @param workDir this run's temp directory, removed on exit
 * @param stateDir where the files a user's other tools read go (kubeconfig, AWS profile, log)
 * @param canary null, "good" or "bad": the canary demo after the sample invocations
 */
record LocalConfig(
    Path manifests,
    Path handlerJars,
    Path workDir,
    Path stateDir,
    Path infoOut,
    PortsAsked ports,
    int metricsPort,
    int healthPort,
    String region,
    OperatorSettings settings,
    Set<String> namespaces,
    int maxConcurrentReconciles,
    double awsCallsPerSecond,
    int orders,
    int products,
    Duration timeout,
    boolean once,
    String canary) {

  /** The ports asked for (0: any free one); a taken one falls back to a free one. */
  record PortsAsked(int kube, int aws, int dynamoDb) {}

  Path log() {
    return stateDir.resolve("local.log");
  }
}
