package dev.lmi.devkit.local;

import dev.lmi.operator.DurationConverter;
import dev.lmi.operator.reconciler.OperatorSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `local`: the whole loop on this machine. */
@Command(
    name = "local",
    mixinStandardHelpOptions = true,
    versionProvider = dev.lmi.devkit.Main.Version.class,
    sortOptions = false,
    description = {
      "Run everything locally: a Kubernetes API (kubectl-compatible) with the CRDs, the LMI emulator"
          + " with the handler jars as S3 code, DynamoDB Local (seeded) and the operator; apply the"
          + " manifests, show a live table, invoke each function's alias.",
      "Logs go to <state dir>/local.log; the screen shows the endpoints, the table and the answers."
          + " Temp files live in one directory that is removed on exit (Ctrl-C included); those of"
          + " killed runs are removed by the next run.",
      "Exit codes with --once: 0 all Ready and invocations answered, 1 failed, 2 timed out.",
      ""
    })
public final class LocalCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--once", description = "Exit when all is Ready and the functions answered.")
  boolean once;

  @Option(
      names = "--canary",
      arity = "0..1",
      fallbackValue = "good",
      paramLabel = "good|bad",
      description =
          "Then roll a new version of orders/list-orders out as a canary (10%% then 50%%, 20 s"
              + " each, error rate checked) while traffic flows against its alias; bad: the new"
              + " version fails 30%% of its invocations, so the rollout rolls it back.")
  String canary;

  @Option(
      names = "--manifests",
      paramLabel = "DIR",
      description = "Manifests to apply (default: examples/local).")
  Path manifests;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "5m",
      converter = DurationConverter.class,
      description = "How long to wait for Ready and the answers (default ${DEFAULT-VALUE}).")
  Duration timeout;

  @Option(
      names = "--kube-port",
      paramLabel = "PORT",
      defaultValue = "" + Ports.KUBE,
      description =
          "Kubernetes API port; a free one if taken, 0 for any (default ${DEFAULT-VALUE}).")
  int kubePort;

  @Option(
      names = "--aws-port",
      paramLabel = "PORT",
      defaultValue = "" + Ports.AWS,
      description = "AWS endpoint port; a free one if taken, 0 for any (default ${DEFAULT-VALUE}).")
  int awsPort;

  @Option(
      names = "--dynamodb-port",
      paramLabel = "PORT",
      defaultValue = "" + Ports.DYNAMODB,
      description =
          "DynamoDB Local port; a free one if taken, 0 for any (default ${DEFAULT-VALUE}).")
  int dynamoDbPort;

  @Option(
      names = "--state-dir",
      paramLabel = "DIR",
      description =
          "Where the kubeconfig, the AWS CLI profile, the info file and the log go (default:"
              + " .lmi-local in the checkout; this run's temp directory if another run uses it).")
  Path stateDir;

  @Option(
      names = "--info-out",
      paramLabel = "FILE",
      description = "The JSON file with the endpoints (default: <state dir>/local-info.json).")
  Path infoOut;

  @Option(
      names = "--handler-jars",
      paramLabel = "DIR",
      description = "The handler jars (default: handler/target).")
  Path handlerJars;

  @Option(
      names = "--orders",
      paramLabel = "N",
      defaultValue = "50",
      description = "Orders to seed (default 50).")
  int orders;

  @Option(
      names = "--products",
      paramLabel = "N",
      defaultValue = "400",
      description = "Products to seed (default ${DEFAULT-VALUE}).")
  int products;

  @Option(
      names = "--region",
      paramLabel = "REGION",
      defaultValue = "us-east-1",
      description = "Region of the emulator and the operator (default ${DEFAULT-VALUE}).")
  String region;

  @Option(
      names = "--namespaces",
      paramLabel = "NS",
      split = ",",
      description = "Namespaces the operator watches, comma-separated (default: all).")
  List<String> namespaces = List.of();

  @Option(
      names = "--resync-period",
      paramLabel = "DURATION",
      defaultValue = "30s",
      converter = DurationConverter.class,
      description = "How often converged resources are re-read (default ${DEFAULT-VALUE}).")
  Duration resyncPeriod;

  @Option(
      names = "--max-concurrent-reconciles",
      paramLabel = "N",
      defaultValue = "10",
      description = "Reconciles at once (default ${DEFAULT-VALUE}).")
  int maxConcurrentReconciles;

  @Option(
      names = "--aws-calls-per-second",
      paramLabel = "N",
      defaultValue = "20",
      description = "The operator's AWS rate limit (default ${DEFAULT-VALUE}).")
  double awsCallsPerSecond;

  @Option(
      names = "--log-level",
      paramLabel = "LEVEL",
      defaultValue = "info",
      description =
          "Level of the log file: trace, debug, info, warn, error (default ${DEFAULT-VALUE}).")
  String logLevel;

  @Option(
      names = "--metrics-port",
      paramLabel = "PORT",
      defaultValue = "0",
      description = "The operator's /metrics port (default 0: off).")
  int metricsPort;

  @Option(
      names = "--health-port",
      paramLabel = "PORT",
      defaultValue = "0",
      description = "The operator's /healthz and /readyz port (default 0: off).")
  int healthPort;

  @Override
  public Integer call() throws IOException, InterruptedException {
    var work = ChildJvm.inherited();
    if (work == null) {
      return ChildJvm.run(spec.commandLine().getParseResult().originalArgs());
    }
    return LocalRun.inChild(this, work);
  }

  /** The configuration of a run in the given work directory, with its state directory. */
  LocalConfig config(WorkDir work, Path state) {
    if (canary != null && !canary.equals("good") && !canary.equals("bad")) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--canary takes good or bad, not " + canary);
    }
    var settings = new OperatorSettings(resyncPeriod, Duration.ofMillis(500), "default", "default");
    return new LocalConfig(
        manifests != null ? manifests : repoPath("examples/local"),
        handlerJars != null ? handlerJars : repoPath("handler/target"),
        work.path(),
        state,
        infoOut != null ? infoOut : state.resolve("local-info.json"),
        new LocalConfig.PortsAsked(kubePort, awsPort, dynamoDbPort),
        metricsPort,
        healthPort,
        region,
        settings,
        Set.copyOf(namespaces.stream().filter(s -> !s.isBlank()).toList()),
        maxConcurrentReconciles,
        awsCallsPerSecond,
        orders,
        products,
        timeout,
        once,
        canary);
  }

  /** The state directory asked for, or .lmi-local of the checkout, or null without one. */
  Path preferredStateDir() {
    if (stateDir != null) {
      return stateDir;
    }
    var examples = repoPath("examples/local").toAbsolutePath().normalize();
    var root = examples.getParent() == null ? null : examples.getParent().getParent();
    return Files.isDirectory(examples) && root != null ? root.resolve(".lmi-local") : null;
  }

  /** A path of the source tree: from the working directory, else next to this jar's checkout. */
  static Path repoPath(String relative) {
    var here = Path.of(relative);
    if (Files.exists(here)) {
      return here;
    }
    try {
      var jar =
          Path.of(LocalCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      var repo = jar.getParent() == null ? null : jar.getParent().getParent();
      if (repo != null
          && repo.getParent() != null
          && Files.exists(repo.getParent().resolve(relative))) {
        return repo.getParent().resolve(relative);
      }
    } catch (Exception e) {
      // Not from a file: fall back to the working directory.
    }
    return here;
  }
}
