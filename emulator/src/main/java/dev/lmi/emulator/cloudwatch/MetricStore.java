package dev.lmi.emulator.cloudwatch;

import dev.lmi.emulator.cloudwatch.Series.Sample;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Every metric of the emulated account and region, bounded in memory: at most 10,000 metrics and
 * 1,000,000 buckets; data older than CloudWatch keeps it is dropped. Guarded by the state lock.
 */
final class MetricStore {
  static final int MAX_METRICS = 10_000;
  static final int MAX_BUCKETS = 1_000_000;
  private final Map<MetricKey, Series> series = new HashMap<>();
  private int buckets;
  private long prunedAt = Long.MIN_VALUE;

  /** Whether {@code newMetrics} more metrics (and their data) still fit. */
  boolean hasRoomFor(int newMetrics) {
    return series.size() + newMetrics <= MAX_METRICS && buckets < MAX_BUCKETS;
  }

  boolean contains(MetricKey key) {
    return series.containsKey(key);
  }

  /** Adds a sample; false (and nothing stored) when the store is full. */
  boolean add(MetricKey key, long millis, Sample sample, boolean highResolution, String unit) {
    var s = series.get(key);
    if (s == null && !hasRoomFor(1) || buckets >= MAX_BUCKETS) {
      return false;
    }
    if (s == null) {
      s = new Series();
      series.put(key, s);
    }
    buckets += s.add(millis, sample, highResolution, unit);
    return true;
  }

  Series get(MetricKey key) {
    return series.get(key);
  }

  Collection<Map.Entry<MetricKey, Series>> all() {
    return series.entrySet();
  }

  /** Drops expired data, at most once a minute of the clock's time. */
  void prune(long now) {
    if (prunedAt != Long.MIN_VALUE && now >= prunedAt && now - prunedAt < Series.MINUTE) {
      return;
    }
    prunedAt = now;
    for (var it = series.values().iterator(); it.hasNext(); ) {
      var s = it.next();
      buckets -= s.prune(now);
      if (s.isEmpty()) {
        it.remove();
      }
    }
  }
}
