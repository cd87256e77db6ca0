package dev.lmi.emulator.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lmi.emulator.cloudwatch.Series.Sample;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricStoreTest {
  private static final long T0 = 1_800_000_000_000L - 1_800_000_000_000L % 3_600_000;

  @Test
  void holdsAtMostItsNumberOfMetrics() {
    var store = new MetricStore();
    for (var i = 0; i < MetricStore.MAX_METRICS; i++) {
      assertThat(store.add(MetricKey.of("N", "m" + i, Map.of()), T0, Sample.of(1), false, null))
          .isTrue();
    }

    assertThat(store.add(MetricKey.of("N", "one-more", Map.of()), T0, Sample.of(1), false, null))
        .isFalse();
    assertThat(store.add(MetricKey.of("N", "m1", Map.of()), T0, Sample.of(1), false, null))
        .isTrue();
  }

  @Test
  void dropsDataOlderThanCloudWatchKeepsIt() {
    var store = new MetricStore();
    var key = MetricKey.of("N", "m", Map.of("d", "v"));
    store.add(key, T0, Sample.of(1), true, null);

    store.prune(T0 + Series.SECOND_RETENTION + 1);
    assertThat(store.get(key).seconds).isEmpty();
    assertThat(store.get(key).minutes).hasSize(1);
    store.prune(T0 + Series.MINUTE_RETENTION + 1);
    assertThat(store.get(key)).isNull();
  }

  @Test
  void groupsBucketsIntoPeriodsFromTheRoundedStart() {
    var series = new Series();
    for (var minute = 0; minute < 10; minute++) {
      series.add(T0 + minute * 60_000L + 30_000, Sample.of(minute), false, "Count");
    }

    var fives = series.byPeriod(Statistics.base(T0 + 12_345, 300_000), T0 + 600_000, 300_000);

    assertThat(fives.keySet()).containsExactly(T0, T0 + 300_000);
    assertThat(fives.get(T0).statistic("Sum")).isEqualTo(0 + 1 + 2 + 3 + 4);
    assertThat(fives.get(T0 + 300_000).statistic("Average")).isEqualTo(7.0);
    assertThat(series.unit).isEqualTo("Count");
  }
}
