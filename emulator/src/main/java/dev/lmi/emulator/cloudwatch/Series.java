package dev.lmi.emulator.cloudwatch;

import java.util.TreeMap;

/**
 * The data of one metric: aggregates per minute, and per second for high-resolution values, as
 * CloudWatch keeps them (1-second data for 3 hours, 1-minute data for 15 days here).
 */
final class Series {
  static final long MINUTE = 60_000;
  static final long SECOND_RETENTION = 3 * 3_600_000L;
  static final long MINUTE_RETENTION = 15 * 24 * 3_600_000L;

  /** Sum, minimum, maximum and sample count of the values in one bucket. */
  static final class Bucket {
    double sum;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    double count;

    void add(Sample s) {
      sum += s.sum();
      min = Math.min(min, s.min());
      max = Math.max(max, s.max());
      count += s.count();
    }

    double statistic(String name) {
      return switch (name) {
        case "Sum" -> sum;
        case "Minimum" -> min;
        case "Maximum" -> max;
        case "SampleCount" -> count;
        default -> count == 0 ? 0 : sum / count;
      };
    }
  }

  /** One observation: a single value (count 1), a statistic set, or values with counts. */
  record Sample(double sum, double min, double max, double count) {
    static Sample of(double value) {
      return new Sample(value, value, value, 1);
    }
  }

  final TreeMap<Long, Bucket> minutes = new TreeMap<>();
  final TreeMap<Long, Bucket> seconds = new TreeMap<>();
  long lastMillis = Long.MIN_VALUE;
  String unit = "None";

  /** Adds a sample; returns how many new buckets that took (for the store's bound). */
  int add(long millis, Sample sample, boolean highResolution, String unitOrNull) {
    var created = 0;
    lastMillis = Math.max(lastMillis, millis);
    unit = unitOrNull != null ? unitOrNull : unit;
    created += addTo(minutes, Math.floorDiv(millis, MINUTE) * MINUTE, sample);
    if (highResolution) {
      created += addTo(seconds, Math.floorDiv(millis, 1000) * 1000, sample);
    }
    return created;
  }

  private static int addTo(TreeMap<Long, Bucket> buckets, long at, Sample sample) {
    var bucket = buckets.get(at);
    var created = bucket == null;
    if (created) {
      bucket = new Bucket();
      buckets.put(at, bucket);
    }
    bucket.add(sample);
    return created ? 1 : 0;
  }

  /**
   * The aggregates per period of the buckets in [base, to), keyed by period start (base + k ×
   * period): per-second buckets when the period is under a minute and the metric has them
   * (high-resolution values), else per-minute ones.
   */
  TreeMap<Long, Bucket> byPeriod(long base, long to, long periodMillis) {
    var source = periodMillis < MINUTE && !seconds.isEmpty() ? seconds : minutes;
    var out = new TreeMap<Long, Bucket>();
    for (var e : source.subMap(base, true, to, false).entrySet()) {
      var start = base + Math.floorDiv(e.getKey() - base, periodMillis) * periodMillis;
      var b = e.getValue();
      out.computeIfAbsent(start, k -> new Bucket()).add(new Sample(b.sum, b.min, b.max, b.count));
    }
    return out;
  }

  /** Drops what CloudWatch no longer keeps; returns how many buckets went. */
  int prune(long now) {
    var before = minutes.size() + seconds.size();
    seconds.headMap(now - SECOND_RETENTION).clear();
    minutes.headMap(now - MINUTE_RETENTION).clear();
    return before - minutes.size() - seconds.size();
  }

  boolean isEmpty() {
    return minutes.isEmpty();
  }
}
