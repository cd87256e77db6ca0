package dev.lmi.handler.bench;

import dev.lmi.handler.similarity.DotKernels;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Exact top-k benchmark (not a test): the handler's search path on four generated data shapes (or
 * given files), single-query latency and concurrent throughput, paired round by round with numpy
 * (on the BLAS it links, one thread) and faiss on the same data, every answer checked by score.
 */
public final class SimilarityBench {

  private static Path scratch;

  private SimilarityBench() {}

  public static void main(String[] args) throws Exception {
    BenchOptions options;
    try {
      options = BenchOptions.parse(args);
      if (options.has("--help")) {
        System.out.println(BenchOptions.USAGE);
        return;
      }
      if (!DotKernels.vectorApiAvailable() && System.getProperty("lmi.bench.child") == null) {
        System.exit(relaunchWithVectorApi(args));
      }
      if (options.has("--scalar")) {
        System.setProperty("lmi.similarity.scalar", "true");
      }
      run(options);
    } catch (BenchOptions.UsageException e) {
      System.err.println("similarity-bench: " + e.getMessage() + "\n" + BenchOptions.USAGE);
      System.exit(2);
    }
  }

  /** {@code java -jar} cannot add modules, so restart this JVM with the Vector API module. */
  private static int relaunchWithVectorApi(String[] args) throws Exception {
    var command = new ArrayList<String>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    command.addAll(Arrays.asList("--add-modules", "jdk.incubator.vector", "-Dlmi.bench.child=1"));
    command.addAll(Arrays.asList("-cp", System.getProperty("java.class.path")));
    command.add(SimilarityBench.class.getName());
    command.addAll(Arrays.asList(args));
    return new ProcessBuilder(command).inheritIO().start().waitFor();
  }

  private static void run(BenchOptions options) throws Exception {
    var k = options.integer("--k", 10);
    var threads = options.integer("--threads", Runtime.getRuntime().availableProcessors());
    var rounds = options.integer("--rounds", 3);
    var callers = options.integer("--concurrency", 32);
    var nq = options.integer("--nq", 64);
    System.out.printf(
        "similarity-bench: java %s (%s), kernel %s, %d cores, search pool %d threads, k=%d,"
            + " load %s%n",
        System.getProperty("java.version"),
        System.getProperty("java.vm.name"),
        DotKernels.best().name(),
        Runtime.getRuntime().availableProcessors(),
        threads,
        k,
        load());
    var results = new ArrayList<ShapeRun.Result>();
    try (var dir = new BenchData.Scratch()) {
      scratch = dir.dir;
      for (var input : Inputs.of(options, nq)) {
        results.add(Inputs.measure(options, input, k, threads, rounds, callers));
      }
    }
    Summary.print(results, k, callers);
  }

  static Path scratch() {
    return scratch;
  }

  /**
   * The 1, 5 and 15 minute load averages: the machine is shared, so each figure carries its own.
   */
  static String load() {
    try {
      var fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return String.join(" ", List.of(fields).subList(0, 3));
    } catch (java.io.IOException e) {
      return String.format(
          "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }
}
