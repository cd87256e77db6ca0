package dev.lmi.devkit.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The operator jar as production runs it, {@code java <image flags> -jar lmi-operator.jar run}, in
 * a process of its own against the bench's API server and emulator, with the JVM told the pod's
 * limits ({@code -XX:MaxRAM}, {@code -XX:ActiveProcessorCount}) and, where taskset exists, pinned
 * to as many cores: what it holds and burns is then the operator's alone.
 */
final class OperatorProcess implements AutoCloseable {
  /** The image's JVM flags (release's ImageSpec.JVM_FLAGS; ImageSpecTest holds the two equal). */
  static final List<String> IMAGE_JVM_FLAGS =
      List.of("-XX:MaxRAMPercentage=50", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
  private final Process process;
  private final Path dir;
  private final List<String> command;

  private OperatorProcess(Process process, Path dir, List<String> command) {
    this.process = process;
    this.dir = dir;
    this.command = command;
  }

  /** What the child runs with: the pod's limits, the operator's options, where its peers are. */
  record Limits(int memoryMiB, int cpus) {}

  /** Starts the jar's `run` with these options and waits until its /readyz answers 200. */
  static OperatorProcess start(
      Path jar, Limits limits, List<String> runOptions, Path kubeconfig, URI aws, String region)
      throws IOException, InterruptedException {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalArgumentException(jar + " does not exist: build it (./dev build)");
    }
    var dir = Files.createTempDirectory("lmi-bench-operator-");
    var health = freePort();
    var command = command(jar, limits, dir.resolve("gc.log"), runOptions, health);
    var builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("operator.log").toFile());
    var env = builder.environment();
    env.keySet()
        .removeIf(
            k -> k.startsWith("AWS_") || k.startsWith("LMI_") || k.equals("JAVA_TOOL_OPTIONS"));
    env.putAll(
        Map.of(
            "KUBECONFIG",
            kubeconfig.toString(),
            "AWS_ENDPOINT_URL",
            aws.toString(),
            "AWS_REGION",
            region,
            "AWS_ACCESS_KEY_ID",
            "bench",
            "AWS_SECRET_ACCESS_KEY",
            "bench"));
    var child = new OperatorProcess(builder.start(), dir, command);
    try {
      child.awaitReady(health);
      return child;
    } catch (IOException | RuntimeException | InterruptedException e) {
      child.close();
      throw e;
    }
  }

  static List<String> command(
      Path jar, Limits limits, Path gcLog, List<String> runOptions, int healthPort) {
    var command = new ArrayList<String>();
    var taskset = Path.of("/usr/bin/taskset");
    if (Files.isExecutable(taskset) && limits.cpus() < Runtime.getRuntime().availableProcessors()) {
      var cores = limits.cpus() == 1 ? "0" : "0-" + (limits.cpus() - 1);
      command.addAll(List.of(taskset.toString(), "-c", cores));
    }
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(IMAGE_JVM_FLAGS);
    command.add("-XX:MaxRAM=" + limits.memoryMiB() + "m");
    command.add("-XX:ActiveProcessorCount=" + limits.cpus());
    command.add("-Xlog:gc:file=" + gcLog + ":uptime:filecount=0");
    command.addAll(List.of("-jar", jar.toString(), "run"));
    command.addAll(runOptions);
    command.addAll(List.of("--metrics-port", "0", "--health-port", String.valueOf(healthPort)));
    return List.copyOf(command);
  }

  private void awaitReady(int port) throws IOException, InterruptedException {
    var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    var request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz")).build();
    var deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the operator exited at start:\n" + logTail());
      }
      try {
        if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // Not listening yet.
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("the operator was not ready within " + START_TIMEOUT);
  }

  List<String> command() {
    return command;
  }

  long pid() {
    return process.pid();
  }

  /** CPU time (user and system) the process has used so far. */
  double cpuSeconds() {
    return process.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(-1.0);
  }

  /** Resident memory from /proc: {@code VmHWM} (the peak) and {@code VmRSS} (now), in MiB. */
  ProcMemory memory() {
    return ProcMemory.of(read(Path.of("/proc", String.valueOf(pid()), "status")));
  }

  /** The GC log so far. */
  GcLog gc() {
    return GcLog.of(read(dir.resolve("gc.log")).lines().toList());
  }

  /** Asks for a full collection (jcmd GC.run), then reads what it left in the log. */
  GcLog collect() throws IOException, InterruptedException {
    var before = gc().collections();
    var jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    var run = new ProcessBuilder(jcmd, String.valueOf(pid()), "GC.run").redirectErrorStream(true);
    var exit = run.redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
    for (var i = 0; i < 100 && gc().collections() <= before; i++) {
      Thread.sleep(100);
    }
    if (exit != 0) {
      throw new IllegalStateException("jcmd " + pid() + " GC.run exited " + exit);
    }
    return gc();
  }

  private static int freePort() throws IOException {
    try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** The last 40 lines the operator wrote (its log goes with the process's directory). */
  String logTail() {
    var lines = read(dir.resolve("operator.log")).lines().toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws InterruptedException, IOException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
    try (var files = Files.list(dir)) {
      for (var f : files.toList()) {
        Files.delete(f);
      }
    }
    Files.delete(dir);
  }
}
