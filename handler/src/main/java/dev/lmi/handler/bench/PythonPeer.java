package dev.lmi.handler.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code handler/bench/compare.py --serve}: numpy and faiss on the same files, in the same run, one
 * command at a time, so Java and Python figures are measured back to back under the same load.
 */
final class PythonPeer implements AutoCloseable {

  private final Process process;
  private final BufferedReader out;
  private final PrintWriter in;

  private PythonPeer(Process process) {
    this.process = process;
    this.out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    this.in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
  }

  /** Started with one BLAS thread and no OpenBLAS core-type overrides, or null if it cannot run. */
  static PythonPeer start(BenchOptions options, Path data, Path queries, int dim, int k)
      throws IOException {
    var script = script(options);
    if (script == null) {
      System.out.println("compare: compare.py not found; pass --compare-script");
      return null;
    }
    var command =
        List.of(
            options.text("--python", "/usr/bin/python3"),
            script.toString(),
            "--serve",
            "--data",
            data.toString(),
            "--queries",
            queries.toString(),
            "--dim",
            Integer.toString(dim),
            "--k",
            Integer.toString(k));
    var builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
    var env = builder.environment();
    // Set on some machines for old OpenBLAS builds; they pin a current one to a slower kernel.
    env.remove("OPENBLAS_CORETYPE");
    env.remove("OPENBLAS_L2_SIZE");
    env.put("OMP_NUM_THREADS", "1");
    env.put("OPENBLAS_NUM_THREADS", "1");
    env.put("MKL_NUM_THREADS", "1");
    PythonPeer peer;
    try {
      peer = new PythonPeer(builder.start());
    } catch (IOException e) {
      System.out.println("compare: cannot run " + command.get(0) + ": " + e.getMessage());
      return null;
    }
    var ready = peer.out.readLine();
    if (!"ready".equals(ready)) {
      System.out.println("compare: python did not start (numpy missing?): " + ready);
      peer.close();
      return null;
    }
    return peer;
  }

  /** Sends one command; its answer's {@code key=value} pairs, plus {@code line}. */
  Map<String, String> ask(String command) throws IOException {
    in.println(command);
    var line = out.readLine();
    if (line == null) {
      throw new IOException("python exited during: " + command);
    }
    var answer = new HashMap<String, String>();
    answer.put("line", line);
    for (var pair : line.split(" ")) {
      var eq = pair.indexOf('=');
      if (eq > 0) {
        answer.put(pair.substring(0, eq), pair.substring(eq + 1));
      }
    }
    return answer;
  }

  double number(String command, String key) throws IOException {
    return Double.parseDouble(ask(command).getOrDefault(key, "NaN"));
  }

  @Override
  public void close() {
    in.println("quit");
    try {
      if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static Path script(BenchOptions options) throws IOException {
    var given = options.path("--compare-script");
    if (given != null) {
      return given;
    }
    try {
      var jar =
          Path.of(PythonPeer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      for (var candidate :
          List.of(
              jar.getParent().resolveSibling("bench").resolve("compare.py"),
              Path.of("handler", "bench", "compare.py"),
              Path.of("bench", "compare.py"))) {
        if (Files.isRegularFile(candidate)) {
          return candidate;
        }
      }
    } catch (java.net.URISyntaxException e) {
      throw new IOException(e);
    }
    return null;
  }
}
