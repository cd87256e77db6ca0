package dev.lmi.handler.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Command-line options of the similarity benchmark ({@code --name value} or {@code --flag}). */
record BenchOptions(Map<String, String> values) {

  private static final Set<String> FLAGS = Set.of("--compare", "--scalar", "--help");

  static final String USAGE =
      """
      usage: java -jar similarity-bench.jar [options]
        --data FILE --queries FILE --dim N   raw little-endian float32 rows (else generated)
        --rows N (100000) --nq N (64) --dim N (384) --seed N (1)   generated data
        --k N (10)  --threads N (cores, one query split across them)  --concurrency N (32)
        --rounds N (5)  --ids-out FILE  --save-data DIR  --scalar (no Vector API)
        --compare  also run numpy and faiss IndexFlatIP (one thread) on the same data
        --python PATH (/usr/bin/python3)  --compare-script PATH (handler/bench/compare.py)
      """;

  static BenchOptions parse(String[] args) {
    var values = new HashMap<String, String>();
    for (var i = 0; i < args.length; i++) {
      var name = args[i];
      if (FLAGS.contains(name)) {
        values.put(name, "true");
      } else if (name.startsWith("--") && i + 1 < args.length) {
        values.put(name, args[++i]);
      } else {
        throw new IllegalArgumentException("unknown argument " + name + "\n" + USAGE);
      }
    }
    return new BenchOptions(values);
  }

  boolean has(String name) {
    return values.containsKey(name);
  }

  int integer(String name, int fallback) {
    return values.containsKey(name) ? Integer.parseInt(values.get(name)) : fallback;
  }

  Path path(String name) {
    return values.containsKey(name) ? Path.of(values.get(name)) : null;
  }

  String text(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }
}
