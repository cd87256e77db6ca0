package dev.lmi.operator.metrics;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters and timers of the operator in Prometheus text format: reconciles, their durations, and
 * AWS calls by operation and outcome. Small on purpose: no metrics library to configure.
 */
public final class OperatorMetrics {
  private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> nanos = new ConcurrentHashMap<>();

  /** Records one AWS call. */
  public void awsCall(String operation, String outcome, long durationNanos) {
    var labels = "operation=\"" + operation + "\",outcome=\"" + outcome + "\"";
    add("lmi_aws_calls_total{" + labels + "}", 1);
    add("lmi_aws_call_seconds_count{operation=\"" + operation + "\"}", 1);
    addNanos("lmi_aws_call_seconds_sum{operation=\"" + operation + "\"}", durationNanos);
  }

  /** Records one reconcile of a kind with its outcome (ok, error, terminal). */
  public void reconcile(String kind, String outcome, long durationNanos) {
    add("lmi_reconciles_total{kind=\"" + kind + "\",outcome=\"" + outcome + "\"}", 1);
    add("lmi_reconcile_seconds_count{kind=\"" + kind + "\"}", 1);
    addNanos("lmi_reconcile_seconds_sum{kind=\"" + kind + "\"}", durationNanos);
  }

  /** Records one Kubernetes Event dropped because the API server fell behind. */
  public void eventDropped() {
    add("lmi_events_dropped_total", 1);
  }

  /** Records a status write the API server refused or never answered; a requeue retries it. */
  public void statusWriteFailed(String kind) {
    add("lmi_status_write_failures_total{kind=\"" + kind + "\"}", 1);
  }

  /** Records one status the operator wrote (it differed from the one the API server held). */
  public void statusWritten(String kind) {
    add("lmi_status_writes_total{kind=\"" + kind + "\"}", 1);
  }

  /** Status writes of a kind so far. */
  public long statusWrites(String kind) {
    return count("lmi_status_writes_total{kind=\"" + kind + "\"}");
  }

  /** Reconciles of a kind so far, all outcomes. */
  public long reconciles(String kind) {
    return count("lmi_reconcile_seconds_count{kind=\"" + kind + "\"}");
  }

  private long count(String key) {
    var c = counters.get(key);
    return c == null ? 0 : c.sum();
  }

  /** The total of AWS calls of one operation, all outcomes. */
  public long awsCalls(String operation) {
    var prefix = "lmi_aws_calls_total{operation=\"" + operation + "\",";
    return counters.entrySet().stream()
        .filter(e -> e.getKey().startsWith(prefix))
        .mapToLong(e -> e.getValue().sum())
        .sum();
  }

  /** Every AWS call counter, keyed "operation outcome". */
  public Map<String, Long> awsCallCounts() {
    var out = new TreeMap<String, Long>();
    counters.forEach(
        (k, v) -> {
          if (k.startsWith("lmi_aws_calls_total{")) {
            var op = k.replaceAll(".*operation=\"([^\"]+)\".*", "$1");
            var outcome = k.replaceAll(".*outcome=\"([^\"]+)\".*", "$1");
            out.merge(op + " " + outcome, v.sum(), Long::sum);
          }
        });
    return out;
  }

  /** The Prometheus exposition text. */
  public String scrape() {
    var sb = new StringBuilder();
    sb.append("# TYPE lmi_aws_calls_total counter\n# TYPE lmi_reconciles_total counter\n");
    sb.append("# TYPE lmi_events_dropped_total counter\n");
    sb.append("# TYPE lmi_status_write_failures_total counter\n");
    sb.append("# TYPE lmi_status_writes_total counter\n");
    new TreeMap<>(counters)
        .forEach((k, v) -> sb.append(k).append(' ').append(v.sum()).append('\n'));
    new TreeMap<>(nanos)
        .forEach((k, v) -> sb.append(k).append(' ').append(v.sum() / 1e9).append('\n'));
    return sb.toString();
  }

  private void add(String key, long n) {
    counters.computeIfAbsent(key, k -> new LongAdder()).add(n);
  }

  private void addNanos(String key, long n) {
    nanos.computeIfAbsent(key, k -> new LongAdder()).add(n);
  }
}
