package dev.lmi.devkit.local;

import dev.lmi.operator.DurationConverter;
import dev.lmi.operator.OperatorOptions;
import dev.lmi.operator.reconciler.OperatorSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `local`: the whole loop on this machine, in one process. */
@Command(
    name = "local",
    mixinStandardHelpOptions = true,
    description = {
      "Run everything locally in one process: a Kubernetes API (fabric8 mock, kubectl-compatible) with"
          + " the CRDs, the LMI emulator with the handler jars as S3 code, DynamoDB Local (seeded) and the"
          + " operator; apply the manifests, show progress, invoke each function's alias.",
      "Exit codes with --once: 0 all Ready and invocations answered, 1 failed, 2 timed out.",
      "Local defaults of the operator options, unless given (or set in their env variable):"
          + " --resync-period 30s, --metrics-port and --health-port off, --log-level warn."
    })
public final class LocalCommand implements Callable<Integer> {
  @Mixin OperatorOptions options = new OperatorOptions();
  @Spec CommandSpec spec;

  @Option(
      names = "--manifests",
      description = "Directory of manifests to apply (default: examples/local).")
  Path manifests;

  @Option(
      names = "--once",
      description =
          "Exit when all is Ready and the invocations answered (0), or on failure (1) or timeout (2).")
  boolean once;

  @Option(
      names = "--timeout",
      defaultValue = "5m",
      converter = DurationConverter.class,
      description = "How long to wait for Ready and the invocations (default ${DEFAULT-VALUE}).")
  Duration timeout;

  @Option(
      names = "--info-out",
      description =
          "Where to write the JSON file with the endpoints (default: <work dir>/local-info.json).")
  Path infoOut;

  @Option(
      names = "--kube-port",
      defaultValue = "0",
      description = "Port of the Kubernetes API (default: a free one).")
  int kubePort;

  @Option(
      names = "--aws-port",
      defaultValue = "0",
      description = "Port of the AWS emulator (default: a free one).")
  int awsPort;

  @Option(
      names = "--handler-jars",
      description = "Directory with the handler jars (default: handler/target).")
  Path handlerJars;

  @Option(
      names = "--orders",
      defaultValue = "50",
      description = "Orders to seed (default ${DEFAULT-VALUE}).")
  int orders;

  @Option(
      names = "--products",
      defaultValue = "400",
      description = "Catalog size to seed (default ${DEFAULT-VALUE}).")
  int products;

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (Boolean.TRUE.equals(value("--leader-election"))) {
      System.out.println("--leader-election is ignored in local mode: there is one operator.");
    }
    // The progress table is the output; the operator's own logs only when asked for.
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      var verbose = explicit("--log-level", "LMI_LOG_LEVEL");
      System.setProperty(
          "org.slf4j.simpleLogger.defaultLogLevel", verbose ? value("--log-level") : "warn");
      if (!verbose) {
        // v1alpha1 is our API's version on purpose; and the handlers log JSON, not through SLF4J.
        System.setProperty(
            "org.slf4j.simpleLogger.log.io.fabric8.kubernetes.client.dsl.internal.VersionUsageUtils",
            "error");
        System.setProperty("slf4j.internal.verbosity", "ERROR");
      }
    }
    return new LocalMode(config(), System.out).run();
  }

  LocalConfig config() throws IOException {
    var work = Files.createTempDirectory("lmi-local-");
    var namespaces = new HashSet<String>();
    List<String> given = value("--namespaces");
    if (given != null) {
      given.stream().filter(s -> !s.isBlank()).forEach(namespaces::add);
    }
    var settings =
        new OperatorSettings(
            explicit("--resync-period", "LMI_RESYNC_PERIOD")
                ? value("--resync-period")
                : Duration.ofSeconds(30),
            Duration.ofMillis(500),
            value("--cluster-name"),
            value("--lease-namespace"));
    return new LocalConfig(
        manifests != null ? manifests : repoPath("examples/local"),
        handlerJars != null ? handlerJars : repoPath("handler/target"),
        work,
        infoOut != null ? infoOut : work.resolve("local-info.json"),
        kubePort,
        awsPort,
        explicit("--metrics-port", "LMI_METRICS_PORT") ? value("--metrics-port") : 0,
        explicit("--health-port", "LMI_HEALTH_PORT") ? value("--health-port") : 0,
        region(),
        settings,
        namespaces,
        value("--max-concurrent-reconciles"),
        value("--aws-calls-per-second"),
        orders,
        products,
        timeout,
        once);
  }

  /** Everything is local: the region only names ARNs, so the SDK chain is not consulted. */
  private String region() {
    String given = value("--region");
    return given == null || given.isBlank() ? "us-east-1" : given;
  }

  /** A shared operator option's value (the mixin's fields belong to the operator package). */
  private <T> T value(String name) {
    return spec.findOption(name).getValue();
  }

  /** Whether the user chose this option, so the local mode's own default does not apply. */
  private boolean explicit(String option, String env) {
    return spec.commandLine().getParseResult().hasMatchedOption(option)
        || System.getenv(env) != null;
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
