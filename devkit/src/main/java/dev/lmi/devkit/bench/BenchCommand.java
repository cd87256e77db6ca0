package dev.lmi.devkit.bench;

import dev.lmi.emulator.EmulatorConfig;
import dev.lmi.emulator.Faults;
import dev.lmi.emulator.Timings;
import dev.lmi.operator.DurationConverter;
import dev.lmi.operator.OperatorStack;
import dev.lmi.operator.metrics.OperatorMetrics;
import dev.lmi.operator.reconciler.OperatorSettings;
import dev.lmi.sandbox.Sandbox;
import dev.lmi.sandbox.kube.IndexedCrudDispatcher;
import dev.lmi.sandbox.kube.KubeOptions;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** `bench`: converges N functions on P providers against the embedded emulator and mock API. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    versionProvider = dev.lmi.devkit.Main.Version.class,
    description =
        "Scale benchmark: runs the operator against the embedded emulator and mock API server and"
            + " prints time to Ready against the lower bound, AWS calls per function, resync cost and heap.")
public final class BenchCommand implements Callable<Integer> {
  static final String NAMESPACE = "bench";
  static final String WARM_UP_NAMESPACE = "bench-warm-up";
  static final Duration MIN_POLL = Duration.ofMillis(10);

  @Option(
      names = "--functions",
      defaultValue = "1000",
      description = "LmiFunctions (default ${DEFAULT-VALUE}).")
  int functions;

  @Option(
      names = "--providers",
      defaultValue = "10",
      description = "CapacityProviders; AWS allows 100 versions each (default ${DEFAULT-VALUE}).")
  int providers;

  @Option(
      names = "--latency-ms",
      defaultValue = "20",
      description = "Latency the emulator adds to every call (default ${DEFAULT-VALUE}).")
  int latencyMs;

  @Option(
      names = "--max-concurrent-reconciles",
      defaultValue = "64",
      description = "Reconcile threads (default ${DEFAULT-VALUE}).")
  int threads;

  @Option(
      names = "--aws-calls-per-second",
      defaultValue = "1000",
      description = "Client-side AWS call limit (default ${DEFAULT-VALUE}).")
  double callsPerSecond;

  @Option(
      names = "--poll",
      defaultValue = "200ms",
      converter = DurationConverter.class,
      description =
          "How often the operator reads AWS while a resource waits on it (default"
              + " ${DEFAULT-VALUE}; `run` polls every 5s, for AWS's waits of minutes).")
  Duration poll;

  @Option(
      names = "--resync-period",
      defaultValue = "60s",
      converter = DurationConverter.class,
      description =
          "Resync period, measured in steady state; shorter than the run, it adds resyncs of"
              + " already Ready functions to the create counts (default ${DEFAULT-VALUE}; the"
              + " operator's own default is 10m).")
  Duration resync;

  @Option(
      names = "--warm-up-functions",
      defaultValue = "300",
      description =
          "Functions converged and deleted before measuring, so the JIT is warm, in rounds of"
              + " at most 100 on one provider (its version quota); 0 measures a cold start"
              + " (default ${DEFAULT-VALUE}).")
  int warmUpFunctions;

  @Option(
      names = "--timeout",
      defaultValue = "10m",
      converter = DurationConverter.class,
      description = "Give up after this long (default ${DEFAULT-VALUE}).")
  Duration timeout;

  @Option(
      names = "--operator-process",
      description =
          "Run the operator as the image does, `java <image JVM flags> -jar lmi-operator.jar run`,"
              + " in a process of its own told the pod's limits (--operator-memory-mib,"
              + " --operator-cpus), and measure that process alone: heap, RSS and CPU. It polls"
              + " AWS every 5 s as `run` does (--poll is ignored).")
  boolean operatorProcess;

  @Option(
      names = "--operator-jar",
      defaultValue = "operator/target/lmi-operator.jar",
      description = "The jar --operator-process runs (default ${DEFAULT-VALUE}).")
  Path operatorJar;

  @Option(
      names = "--operator-memory-mib",
      defaultValue = "512",
      description =
          "The memory limit --operator-process gives the JVM as -XX:MaxRAM, as a pod's limit"
              + " would (default ${DEFAULT-VALUE}, the chart's).")
  int operatorMemoryMiB;

  @Option(
      names = "--operator-cpus",
      defaultValue = "1",
      description =
          "The CPUs --operator-process gives the JVM (-XX:ActiveProcessorCount, and taskset to"
              + " as many cores where it exists) (default ${DEFAULT-VALUE}, the chart's).")
  int operatorCpus;

  @Option(
      names = "--kubectl-metadata",
      description =
          "Apply the measured manifests with what `kubectl apply` leaves on them in a real API"
              + " server (the last-applied annotation, a managed-fields entry), which the"
              + " operator's caches hold too.")
  boolean kubectlMetadata;

  @Spec CommandSpec spec;

  /** The in-process operator's metrics (reconciles and status writes by kind). */
  private final OperatorMetrics metrics = new OperatorMetrics();

  @Override
  public Integer call() throws Exception {
    if (poll.compareTo(MIN_POLL) < 0) {
      throw new ParameterException(
          spec.commandLine(),
          "--poll must be at least "
              + MIN_POLL.toMillis()
              + "ms: shorter, waiting is busy reading");
    }
    if (operatorMemoryMiB < 64 || operatorCpus < 1) {
      throw new ParameterException(
          spec.commandLine(), "--operator-memory-mib must be at least 64 and --operator-cpus 1");
    }
    if (operatorProcess && !Files.isRegularFile(operatorJar)) {
      throw new ParameterException(
          spec.commandLine(),
          "--operator-jar " + operatorJar + " does not exist: build it first (./dev build)");
    }
    var out = System.out;
    var timings = Timings.fast();
    var latency = Duration.ofMillis(latencyMs);
    var store = new IndexedCrudDispatcher();
    try (var heap = new HeapSampler();
        var sandbox =
            Sandbox.start(
                KubeOptions.crud()
                    .withStore(store)
                    .withNamespaces(NAMESPACE, WARM_UP_NAMESPACE, "default")
                    .quietly(),
                EmulatorConfig.defaults().withTimings(timings));
        var operator = startOperator(sandbox, latency)) {
      var kube = sandbox.kube().client();
      var emulator = sandbox.emulator();
      var child = operator instanceof OperatorProcess p ? p : null;
      if (warmUpFunctions > 0) {
        for (var left = warmUpFunctions; left > 0; left -= 100) {
          BenchRun.warmUp(kube, store, WARM_UP_NAMESPACE, Math.min(100, left), timeout);
        }
        // Provider writes are spaced a second apart: let the warm-up's last one age out first.
        Thread.sleep(1100);
        emulator.admin().resetCounters();
      }
      var run =
          new BenchRun(
              kube,
              emulator.admin(),
              providers,
              functions,
              kubectlMetadata ? KubectlMetadata::add : UnaryOperator.identity());
      var kubeBefore = requests(sandbox);
      var countsBefore = StatusCounts.of(metrics);
      var cpu = CpuMeter.start();
      var figures = child == null ? null : new ProcessFigures(child, out);
      var jitBefore = jitMillis();
      var converge = run.applyAndAwaitReady(store, timeout);
      var coresBusy = cpu.coresBusy();
      var jitDuring = jitMillis() - jitBefore;
      var kubeRequests = requests(sandbox) - kubeBefore;
      if (converge == null) {
        out.println("bench: not all resources were Ready within " + timeout);
        if (child != null) {
          out.println("the operator's last log lines:\n" + child.logTail());
        }
        return 1;
      }
      if (figures != null) {
        figures.converged();
      }
      var createCounts = emulator.admin().counters();
      var countsReady = StatusCounts.of(metrics);
      var countsResync = new AtomicReference<>(countsReady);
      var steady =
          run.steadyStateResync(
              resync,
              figures == null
                  ? () -> countsResync.set(StatusCounts.of(metrics))
                  : figures::resyncStarts);
      var countsAfter = StatusCounts.of(metrics);
      var bound = LowerBound.of(providers, functions, latency, timings, threads, callsPerSecond);
      out.printf(
          Locale.ROOT,
          "Kubernetes API requests until Ready: %d (%.1f per function, %.0f per second)%n",
          kubeRequests,
          (double) kubeRequests / functions,
          kubeRequests / (converge.all().toNanos() / 1e9));
      out.printf(
          Locale.ROOT,
          "CPU until Ready: %.2f of %d cores busy on average (%s)%n",
          coresBusy,
          Runtime.getRuntime().availableProcessors(),
          child == null
              ? "operator, emulator and API server share this process"
              : "emulator and API server; the operator's own is below");
      out.println(
          child == null
              ? "AWS read every " + poll.toMillis() + " ms while a resource waits on it"
              : "AWS read every 5 s while a resource waits on it (run's poll)");
      out.println(
          "JVM options: "
              + String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
      if (warmUpFunctions > 0) {
        out.printf(
            Locale.ROOT,
            "measured after a warm-up of %d functions, converged and deleted%n",
            warmUpFunctions);
      }
      if (jitDuring >= 0 && child == null) {
        out.printf(
            Locale.ROOT,
            "JIT compiler busy %.1f s until Ready (a warm process compiles little)%n",
            jitDuring / 1000.0);
      }
      printConverge(out, converge, bound);
      if (child == null) {
        countsReady.since(countsBefore).print(out, "until Ready:", providers, functions);
        countsResync
            .get()
            .since(countsReady)
            .print(out, "Ready to resync start:", providers, functions);
        countsAfter
            .since(countsResync.get())
            .print(out, "during the resync:", providers, functions);
      }
      var report =
          new BenchReport(
              out,
              providers,
              functions,
              latency,
              child == null ? "this process: operator, emulator, API server" : "operator process");
      if (figures == null) {
        report.print(
            converge.all(), bound, createCounts, steady, heap.peakMiB(), HeapSampler.liveMiB());
      } else {
        var gc = figures.print(converge.all(), resync);
        report.print(converge.all(), bound, createCounts, steady, gc.peakUsedMiB(), gc.liveMiB());
      }
    }
    return 0;
  }

  /** The operator under measurement, started: in this JVM, or its own process. */
  private AutoCloseable startOperator(Sandbox sandbox, Duration latency) throws Exception {
    var emulator = sandbox.emulator();
    emulator.admin().setFaults("*", Faults.latency(latency, Duration.ZERO, 1));
    if (operatorProcess) {
      var kubeconfig = Files.createTempFile("lmi-bench-kubeconfig-", ".yaml");
      try {
        return OperatorProcess.start(
            operatorJar,
            new OperatorProcess.Limits(operatorMemoryMiB, operatorCpus),
            List.of(
                "--resync-period", resync.toMillis() + "ms",
                "--max-concurrent-reconciles", String.valueOf(threads),
                "--aws-calls-per-second", String.valueOf(callsPerSecond)),
            sandbox.kube().writeKubeconfig(kubeconfig),
            emulator.endpoint(),
            emulator.region());
      } finally {
        Files.deleteIfExists(kubeconfig);
      }
    }
    return OperatorStack.on(sandbox.kube().client())
        .region(emulator.region())
        .endpoint(emulator.endpoint())
        .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
        .settings(OperatorSettings.defaults().withPoll(poll).withResync(resync))
        .concurrency(threads)
        .awsCallsPerSecond(callsPerSecond)
        .metrics(metrics)
        .build()
        .start();
  }

  private void printConverge(PrintStream out, BenchRun.Converged converge, LowerBound bound) {
    out.printf(
        Locale.ROOT,
        "all %d manifests applied after %.2f s%n",
        providers + functions,
        converge.applied().toNanos() / 1e9);
    out.printf(
        Locale.ROOT,
        "last provider Ready after %.2f s (its lower bound %.2f s)%n",
        converge.providers().toNanos() / 1e9,
        bound.providerChain().toNanos() / 1e9);
    out.printf(
        Locale.ROOT,
        "its functions Ready %.2f s after it (their lower bound %.2f s)%n",
        converge.lastProvidersFunctions().toNanos() / 1e9,
        bound.functionChain().toNanos() / 1e9);
    out.printf(
        Locale.ROOT,
        "functions Ready: half after %.2f s, 90%% after %.2f s, 99%% after %.2f s%n",
        converge.functionsReady(0.5).toNanos() / 1e9,
        converge.functionsReady(0.9).toNanos() / 1e9,
        converge.functionsReady(0.99).toNanos() / 1e9);
  }

  /** Requests the API server has answered so far. */
  private static int requests(Sandbox sandbox) {
    return sandbox.kube().mockServer().getRequestCount();
  }

  /** Time the JIT compilers have spent so far, or -1 when the JVM does not say. */
  private static long jitMillis() {
    var jit = ManagementFactory.getCompilationMXBean();
    return jit != null && jit.isCompilationTimeMonitoringSupported()
        ? jit.getTotalCompilationTime()
        : -1;
  }

  static void banner(PrintStream out, String text) {
    out.println("== " + text);
  }
}
