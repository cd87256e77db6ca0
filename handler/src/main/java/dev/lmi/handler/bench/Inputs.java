package dev.lmi.handler.bench;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/** What to measure: generated shapes, or the rows and queries in given files. */
final class Inputs {

  /** One data set to measure: generated from a shape, or read from files. */
  record Input(String name, String description, float[] data, float[] queries, int dim) {}

  private Inputs() {}

  static List<Input> of(BenchOptions options, int nq) throws Exception {
    if (options.has("--data")) {
      var dim = options.integer("--dim", 0);
      var data = BenchData.read(options.path("--data"), dim);
      var queries = BenchData.read(options.path("--queries"), dim);
      return List.of(new Input("file", options.path("--data").toString(), data, queries, dim));
    }
    var seed = options.integer("--seed", 1);
    var inputs = new ArrayList<Input>();
    for (var name :
        options.text("--shapes", "gaussian,clustered,powerlaw,anisotropic").split(",")) {
      var shape = Shapes.named(name.trim());
      var rows = options.integer("--rows", shape.rows());
      var start = System.nanoTime();
      var data = Shapes.generate(shape.source(), rows, shape.dim(), seed * 10L + 1, true);
      var queries = Shapes.generate(shape.source(), nq, shape.dim(), seed * 10L + 2, false);
      var description = String.format("generated in %.1f s", (System.nanoTime() - start) / 1e9);
      inputs.add(new Input(shape.name(), description, data, queries, shape.dim()));
    }
    return inputs;
  }

  /** Writes the files numpy and faiss read, starts them, measures, and removes the files. */
  static ShapeRun.Result measure(
      BenchOptions options, Input input, int k, int threads, int rounds, int callers)
      throws Exception {
    var dir = options.has("--save-data") ? options.path("--save-data") : SimilarityBench.scratch();
    Files.createDirectories(dir);
    var dataFile = dir.resolve(input.name() + "-data.f32");
    var queryFile = dir.resolve(input.name() + "-queries.f32");
    var run = new ShapeRun(input.name(), input.data(), input.queries(), input.dim(), k, threads);
    run.print(
        "%d x %d float32 (%.1f MB), %d queries, %s, load %s",
        input.data().length / input.dim(),
        input.dim(),
        input.data().length * 4e-6,
        input.queries().length / input.dim(),
        input.description(),
        SimilarityBench.load());
    var compare = !options.has("--no-compare");
    if (compare || options.has("--save-data")) {
      BenchData.write(dataFile, input.data());
      BenchData.write(queryFile, input.queries());
    }
    var peer = compare ? PythonPeer.start(options, dataFile, queryFile, input.dim(), k) : null;
    try {
      if (peer != null) {
        run.print("numpy side: %s", peer.ask("info").get("line"));
      }
      return run.run(peer, rounds, callers);
    } finally {
      if (peer != null) {
        peer.close();
      }
      if (!options.has("--save-data")) {
        Files.deleteIfExists(dataFile);
        Files.deleteIfExists(queryFile);
      }
    }
  }
}
