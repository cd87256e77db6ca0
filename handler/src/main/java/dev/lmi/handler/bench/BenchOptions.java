package dev.lmi.handler.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Command-line options of the similarity benchmark ({@code --name value} or {@code --flag}). */
record BenchOptions(Map<String, String> values) {

  /** A command line the benchmark cannot run: the message and the usage go to stderr, exit 2. */
  static final class UsageException extends IllegalArgumentException {
    UsageException(String message) {
      super(message);
    }
  }

  private static final Set<String> FLAGS = Set.of("--no-compare", "--scalar", "--help");
  private static final Set<String> VALUED =
      Set.of(
          "--shapes",
          "--rows",
          "--nq",
          "--seed",
          "--k",
          "--threads",
          "--concurrency",
          "--rounds",
          "--data",
          "--queries",
          "--dim",
          "--save-data",
          "--python",
          "--compare-script");

  private static final List<String> INTEGERS =
      List.of("--rows", "--nq", "--seed", "--k", "--threads", "--concurrency", "--rounds", "--dim");

  static final String USAGE =
      """
      usage: java -jar similarity-bench.jar [options]
        --shapes LIST   generated data, comma-separated (default all four):
                          gaussian     100,000 x 384   unit Gaussian rows
                          clustered    100,000 x 384   1,000 clusters, 5% exact and 5% near duplicates
                          powerlaw      20,000 x 3072  power-law variance spectrum in random directions
                          anisotropic   30,000 x 1024  8 dimensions with a large offset hold most variance
        --rows N        override every shape's row count        --nq N (64) queries  --seed N (1)
        --data FILE --queries FILE --dim N   raw little-endian float32 rows instead of generated ones
        --k N (10)  --threads N (cores: the search pool)  --concurrency N (32)  --rounds N (3)
        --no-compare    skip numpy and faiss (run by default with --python, when installed)
        --python PATH (/usr/bin/python3)  --compare-script PATH (handler/bench/compare.py)
        --save-data DIR keep the data and query files there   --scalar   no Vector API
      """;

  static BenchOptions parse(String[] args) {
    var values = new HashMap<String, String>();
    for (var i = 0; i < args.length; i++) {
      var name = args[i];
      if (FLAGS.contains(name)) {
        values.put(name, "true");
      } else if (VALUED.contains(name) && i + 1 < args.length) {
        values.put(name, args[++i]);
      } else {
        throw new UsageException(
            VALUED.contains(name) ? name + " needs a value" : "unknown option " + name);
      }
    }
    var options = new BenchOptions(values);
    for (var name : INTEGERS) {
      options.integer(name, 1);
    }
    for (var shape : options.text("--shapes", "gaussian").split(",")) {
      Shapes.named(shape.trim());
    }
    var files = List.of("--data", "--queries", "--dim").stream().filter(options::has).count();
    if (files > 0 && (files < 3 || options.has("--shapes"))) {
      throw new UsageException("--data, --queries and --dim go together, without --shapes");
    }
    return options;
  }

  boolean has(String name) {
    return values.containsKey(name);
  }

  int integer(String name, int fallback) {
    if (!values.containsKey(name)) {
      return fallback;
    }
    try {
      var value = Integer.parseInt(values.get(name));
      if (value < 1) {
        throw new UsageException(name + " must be at least 1, not " + value);
      }
      return value;
    } catch (NumberFormatException e) {
      throw new UsageException(name + " takes a whole number, not " + values.get(name));
    }
  }

  Path path(String name) {
    return values.containsKey(name) ? Path.of(values.get(name)) : null;
  }

  String text(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }
}
