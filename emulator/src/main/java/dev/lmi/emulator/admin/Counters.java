package dev.lmi.emulator.admin;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

/** Thread-safe call counters per operation and outcome, plus write/read/invoke totals. */
public final class Counters {
  private static final Pattern WRITE =
      Pattern.compile("(Create|Update|Delete|Put|Publish|Tag|Untag|Set).*");
  private final Map<String, Map<String, LongAdder>> byOperation = new ConcurrentHashMap<>();
  private final LongAdder writes = new LongAdder();
  private final LongAdder reads = new LongAdder();
  private final LongAdder invokes = new LongAdder();

  /**
   * Mutating operations by AWS naming (SetAlarmState too); Invoke counts apart, everything else is
   * a read.
   */
  public static boolean isWrite(String operation) {
    return WRITE.matcher(operation).matches();
  }

  public void record(String operation, String outcome) {
    byOperation
        .computeIfAbsent(operation, k -> new ConcurrentHashMap<>())
        .computeIfAbsent(outcome, k -> new LongAdder())
        .increment();
    if (operation.equals("Invoke")) {
      invokes.increment();
    } else if (isWrite(operation)) {
      writes.increment();
    } else {
      reads.increment();
    }
  }

  public Map<String, Map<String, Long>> snapshot() {
    var out = new TreeMap<String, Map<String, Long>>();
    byOperation.forEach(
        (op, outcomes) -> {
          var m = new TreeMap<String, Long>();
          outcomes.forEach((k, v) -> m.put(k, v.sum()));
          out.put(op, m);
        });
    return out;
  }

  public long writes() {
    return writes.sum();
  }

  public long reads() {
    return reads.sum();
  }

  public long invokes() {
    return invokes.sum();
  }

  public void reset() {
    byOperation.clear();
    writes.reset();
    reads.reset();
    invokes.reset();
  }
}
