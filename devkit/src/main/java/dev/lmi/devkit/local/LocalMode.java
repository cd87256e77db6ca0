package dev.lmi.devkit.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The local mode's script: start the stack, seed, apply the manifests, show progress until all is
 * Ready or a terminal reason stands, invoke each function's alias, then exit ({@code --once}) or
 * keep running until stopped.
 */
public final class LocalMode {
  static final int OK = 0;
  static final int FAILED = 1;
  static final int TIMED_OUT = 2;
  private static final Duration POLL = Duration.ofMillis(500);
  private static final Duration TOTALS_GRACE = Duration.ofSeconds(20);
  private final LocalConfig config;
  private final PrintStream out;
  private final LiveTable table;
  private final CountDownLatch stop = new CountDownLatch(1);
  private volatile List<SampleInvocations.Result> results = List.of();

  LocalMode(LocalConfig config, PrintStream out, boolean redraw) {
    this.config = config;
    this.out = out;
    this.table = new LiveTable(out, redraw);
  }

  /** Runs to the end; returns the exit code. */
  int run() throws InterruptedException {
    var deadline = Instant.now().plus(config.timeout());
    var manifests = Manifests.read(config.manifests());
    var jars = HandlerJars.in(config.handlerJars());
    try (var stack = LocalStack.start(config, jars)) {
      var hook = new Thread(() -> shutDown(stack), "lmi-local-shutdown");
      Runtime.getRuntime().addShutdownHook(hook);
      try {
        return runWith(stack, manifests, jars, deadline);
      } finally {
        removeHook(hook);
      }
    }
  }

  private int runWith(LocalStack stack, Manifests manifests, HandlerJars jars, Instant deadline)
      throws InterruptedException {
    var info = LocalInfo.write(config, stack);
    out.print(LocalInfo.banner(info, config, stack));
    out.println(
        "Seeding DynamoDB Local ("
            + config.orders()
            + " orders, "
            + config.products()
            + " products, local embedder)...");
    var seeding =
        new Seeder(jars.tools(), stack.dynamoDb().endpoint(), out)
            .seed(manifests, config.orders(), config.products());
    try {
      seeding.get(Duration.between(Instant.now(), deadline).toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      out.println(
          "Seeding failed: " + (e.getCause() == null ? "timed out" : e.getCause().getMessage()));
      return e instanceof java.util.concurrent.TimeoutException ? TIMED_OUT : FAILED;
    }
    // After seeding: the embedder takes every core for a while, and the informers' start has a
    // deadline.
    stack.startOperator();
    out.println(
        "Applying " + manifests.documents().size() + " objects from " + config.manifests() + "...");
    manifests.apply(stack.kube().client());
    var converged = awaitConvergence(stack, deadline);
    table.detach();
    var invoked = invokeReadyFunctions(stack);
    var canary = OK;
    if (config.canary() != null && converged == OK && invoked == OK) {
      canary = new CanaryDemo(stack, table, out).run(config.canary().equals("bad"), deadline);
    }
    if (config.once()) {
      var outcome = converged != OK ? converged : invoked != OK ? invoked : canary;
      out.println(
          outcome == OK ? "\n" + done() : "\nExit " + outcome + ": " + why(converged, invoked));
      return outcome;
    }
    keepRunning(stack);
    return OK;
  }

  private String done() {
    return config.canary() == null
        ? "All Ready, all invocations answered: exit 0."
        : "All Ready, all invocations answered, the canary ended as expected: exit 0.";
  }

  private static String why(int converged, int invoked) {
    if (converged != OK) {
      return "not all Ready";
    }
    return invoked != OK ? "an invocation failed" : "the canary did not end as expected";
  }

  /** Invokes the functions that are Ready (the others were reported); OK when all answered. */
  private int invokeReadyFunctions(LocalStack stack) {
    var ready =
        functions(stack).stream().filter(f -> Progress.row("LmiFunction", f).isReady()).toList();
    if (ready.isEmpty()) {
      return FAILED;
    }
    var samples = new SampleInvocations(stack.lambda());
    results = samples.invokeAll(ready);
    out.println();
    out.println("Invoking each Ready function's alias:");
    results.forEach(r -> out.println(r.text()));
    out.println();
    out.println("The same from the AWS CLI:");
    samples
        .commands(ready, config.stateDir(), AwsProfile.cli(stack.awsConfig()))
        .forEach(c -> out.println("  " + c));
    return results.stream().allMatch(SampleInvocations.Result::ok) ? OK : FAILED;
  }

  /** What the sample invocations answered (empty until they ran). */
  List<SampleInvocations.Result> results() {
    return results;
  }

  /** Shows the table whenever it changes until all is Ready, a terminal reason or the deadline. */
  private int awaitConvergence(LocalStack stack, Instant deadline) throws InterruptedException {
    Instant ready = null;
    while (true) {
      var client = stack.kube().client();
      var rows = Progress.rows(client);
      table.show(Progress.table(rows));
      if (Progress.allReady(rows)) {
        ready = ready == null ? Instant.now() : ready;
        // A provider sums its functions again a few seconds after they change: show that sum, but
        // never hold the run for it beyond the grace.
        if (Progress.totalsAgree(client)) {
          // The table above was read before the sums agreed: show the state they agree in.
          table.show(Progress.table(Progress.rows(client)));
          return OK;
        }
        if (Instant.now().isAfter(ready.plus(TOTALS_GRACE))) {
          return OK;
        }
      } else {
        ready = null;
      }
      var failed = Progress.failed(rows);
      if (!failed.isEmpty()) {
        out.println("Failed: a terminal reason stands (only a change of the spec fixes it):");
        failed.forEach(
            r ->
                out.println(
                    "  " + r.kind() + " " + r.name() + ": " + r.reason() + ": " + r.message()));
        return FAILED;
      }
      if (Instant.now().isAfter(deadline)) {
        out.println(
            "Timed out after " + config.timeout() + " waiting for every resource to be Ready.");
        return TIMED_OUT;
      }
      if (stop.await(POLL.toMillis(), TimeUnit.MILLISECONDS)) {
        return FAILED;
      }
    }
  }

  private void keepRunning(LocalStack stack) throws InterruptedException {
    out.println();
    out.println(
        "Running until Ctrl-C. This table follows what you apply: kubectl --kubeconfig "
            + stack.kubeconfig().toAbsolutePath()
            + " apply -f FILE");
    while (!stop.await(2, TimeUnit.SECONDS)) {
      try {
        table.show(Progress.table(Progress.rows(stack.kube().client())));
      } catch (RuntimeException e) {
        return;
      }
    }
  }

  private static List<JsonNode> functions(LocalStack stack) {
    return Progress.functions(stack.kube().client()).stream()
        .map(f -> (JsonNode) Serialization.jsonMapper().valueToTree(f))
        .toList();
  }

  private void shutDown(LocalStack stack) {
    stop.countDown();
    out.println("\nStopping the operator, the emulator, the Kubernetes API and DynamoDB Local...");
    out.flush();
    // The seeders, if still running: they write into this run's temp directory.
    ProcessHandle.current().descendants().forEach(ProcessHandle::destroy);
    stack.close();
    out.println("Stopped.");
    out.flush();
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down: the hook is running.
    }
  }
}
