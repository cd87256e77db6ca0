package dev.lmi.devkit.local;

import dev.lmi.operator.reconciler.OperatorSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/** Everything the local mode needs to know, resolved from the command line. */
record LocalConfig(
    Path manifests,
    Path handlerJars,
    Path workDir,
    Path infoOut,
    int kubePort,
    int awsPort,
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
    boolean once) {}
