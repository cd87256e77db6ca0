package dev.lmi.handler.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Runs {@code handler/bench/compare.py} (numpy and faiss, one thread) on the same files. */
final class PythonCompare {

  private PythonCompare() {}

  static void run(
      BenchOptions options,
      Path[] files,
      int dim,
      int k,
      Path ids,
      double javaSingleMs,
      double javaQps)
      throws Exception {
    var script = script(options);
    if (script == null) {
      System.out.println("compare: compare.py not found; pass --compare-script");
      return;
    }
    var command =
        List.of(
            options.text("--python", "/usr/bin/python3"),
            script.toString(),
            "--data",
            files[0].toString(),
            "--queries",
            files[1].toString(),
            "--dim",
            Integer.toString(dim),
            "--k",
            Integer.toString(k),
            "--ids",
            ids.toString(),
            "--java-single-ms",
            Double.toString(javaSingleMs),
            "--java-qps",
            Double.toString(javaQps));
    var process = new ProcessBuilder(command).inheritIO();
    // One thread for BLAS and OpenMP: the comparison is single-threaded by definition.
    process.environment().put("OMP_NUM_THREADS", "1");
    process.environment().put("OPENBLAS_NUM_THREADS", "1");
    process.environment().put("MKL_NUM_THREADS", "1");
    var exit = process.start().waitFor();
    if (exit != 0) {
      System.out.println("compare: python exited with " + exit);
    }
  }

  private static Path script(BenchOptions options) throws Exception {
    var given = options.path("--compare-script");
    if (given != null) {
      return given;
    }
    var jar =
        Path.of(SimilarityBench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    for (var candidate :
        List.of(
            jar.getParent().resolveSibling("bench").resolve("compare.py"),
            Path.of("handler", "bench", "compare.py"),
            Path.of("bench", "compare.py"))) {
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    return null;
  }
}
