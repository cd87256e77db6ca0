package dev.lmi.handler.bench;

import dev.lmi.handler.similarity.DotKernels;
import dev.lmi.handler.similarity.FlatIndex;
import dev.lmi.handler.similarity.QuantizedIndex;
import dev.lmi.handler.similarity.TopK;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.concurrent.Executors;

/**
 * Exact top-k benchmark (not a test): single-query latency and concurrent throughput of the
 * similarity search core, optionally against numpy and faiss on identical data.
 */
public final class SimilarityBench {

  private SimilarityBench() {}

  public static void main(String[] args) throws Exception {
    var options = BenchOptions.parse(args);
    if (options.has("--help")) {
      System.out.println(BenchOptions.USAGE);
      return;
    }
    if (options.has("--scalar")) {
      System.setProperty("lmi.similarity.scalar", "true");
    } else if (!DotKernels.vectorApiAvailable() && System.getProperty("lmi.bench.child") == null) {
      System.exit(relaunchWithVectorApi(args));
    }
    run(options);
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
    var dim = options.integer("--dim", 384);
    var k = options.integer("--k", 10);
    var threads = options.integer("--threads", Runtime.getRuntime().availableProcessors());
    var data = load(options, "--data", options.integer("--rows", 100_000), dim, 1);
    var queries = load(options, "--queries", options.integer("--nq", 64), dim, 2);
    var nq = queries.length / dim;
    var flat = new FlatIndex(data, dim);
    var quantised = quantise(flat, queries.length / dim, k);
    try (var pool = Executors.newFixedThreadPool(threads)) {
      var modes = Modes.of(flat, quantised, pool, threads, k);
      var headline = modes.get(3);
      var rounds = options.integer("--rounds", 5);
      var singleMs = Modes.measureSingle(modes, queries, dim, rounds).get(headline.name());
      var concurrency = options.integer("--concurrency", 32);
      var qps = Modes.measureConcurrent(modes.get(2), queries, dim, concurrency);
      Modes.measureConcurrent(modes.get(0), queries, dim, concurrency);
      var ids = Modes.ids(headline, queries, dim);
      Modes.measureBatched(quantised, pool, threads, k, queries, dim, concurrency, ids);
      var idsOut = idsFile(options);
      Files.write(idsOut, ids);
      if (options.has("--compare") || options.has("--save-data")) {
        var files = dataFiles(options, data, queries);
        if (options.has("--compare")) {
          PythonCompare.run(options, files, dim, k, idsOut, singleMs, qps);
        }
      }
      System.out.printf(
          "similarity_bench single_ms_median=%.3f concurrent_qps=%.1f%n", singleMs, qps);
    }
  }

  private static QuantizedIndex quantise(FlatIndex flat, int nq, int k) {
    var start = System.nanoTime();
    var quantised = new QuantizedIndex(flat);
    System.out.printf(
        "data: %d x %d float32 (%.1f MB), %d queries, k=%d, kernel=%s, cores=%d,"
            + " int8 copy built in %.0f ms%n",
        flat.size(),
        flat.dimension(),
        flat.size() * flat.dimension() * 4e-6,
        nq,
        k,
        DotKernels.best().name(),
        Runtime.getRuntime().availableProcessors(),
        (System.nanoTime() - start) / 1e6);
    return quantised;
  }

  private static float[] load(BenchOptions options, String name, int rows, int dim, long seed)
      throws Exception {
    var file = options.path(name);
    return file != null
        ? BenchData.read(file, dim)
        : BenchData.generate(rows, dim, options.integer("--seed", 1) * 10L + seed);
  }

  private static Path idsFile(BenchOptions options) throws Exception {
    var file = options.path("--ids-out");
    return file != null ? file : Files.createTempFile("similarity-bench-ids", ".txt");
  }

  /** The data and query files python reads: the given ones, or the generated data written out. */
  private static Path[] dataFiles(BenchOptions options, float[] data, float[] queries)
      throws Exception {
    if (options.has("--data") && options.has("--queries")) {
      return new Path[] {options.path("--data"), options.path("--queries")};
    }
    var dir = options.path("--save-data");
    dir =
        dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("similarity-bench");
    BenchData.write(dir.resolve("data.f32"), data);
    BenchData.write(dir.resolve("queries.f32"), queries);
    System.out.println("generated data written to " + dir);
    return new Path[] {dir.resolve("data.f32"), dir.resolve("queries.f32")};
  }

  static String line(TopK top) {
    var rows = top.rows();
    var text = new StringBuilder();
    for (var row : rows) {
      text.append(text.isEmpty() ? "" : " ").append(row);
    }
    return text.toString();
  }
}
