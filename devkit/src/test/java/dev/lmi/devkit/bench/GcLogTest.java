package dev.lmi.devkit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading a serial collector's -Xlog:gc lines, as Temurin 21 and 25 write them. */
class GcLogTest {

  @Test
  void takesThePeakFromWhatEachCollectionBeganWithAndTheLiveHeapFromTheLastFullOne() {
    var log =
        GcLog.of(
            List.of(
                "[0.003s] Using Serial",
                "[1.576s] GC(0) Pause Young (Allocation Failure) 102M->51M(365M) 36.945ms",
                "[1.615s] GC(1) Pause Young (Allocation Failure) 151M->86M(365M) 32.003ms",
                "[1.632s] GC(2) Pause Full (System.gc()) 107M->51M(365M) 15.782ms",
                "[9.100s] GC(3) Pause Young (Allocation Failure) 90M->60M(370M) 1.000ms",
                "[9.900s] GC(4) Pause Full (Diagnostic Command) 70M->40M(370M) 20.000ms"));

    assertThat(log.collections()).isEqualTo(5);
    assertThat(log.peakUsedMiB()).isEqualTo(151);
    assertThat(log.peakCommittedMiB()).isEqualTo(370);
    assertThat(log.liveMiB()).isEqualTo(40);
    assertThat(log.pausedMs()).isCloseTo(105.73, org.assertj.core.data.Offset.offset(0.001));
  }

  @Test
  void readsKilobytesAndGigabytes() {
    var log =
        GcLog.of(
            List.of(
                "[0.218s] GC(0) Pause Young (Allocation Failure) 3071K->1024K(7M) 0.784ms",
                "[5.000s] GC(1) Pause Full (Allocation Failure) 2G->1G(3G) 900.5ms"));

    assertThat(log.peakUsedKiB()).isEqualTo(2L * 1024 * 1024);
    assertThat(log.liveKiB()).isEqualTo(1024L * 1024);
  }

  @Test
  void saysThereIsNoLiveFigureWithoutAFullCollection() {
    var log =
        GcLog.of(
            List.of(
                "[0.007s] Using Serial",
                "[0.218s] GC(0) Pause Young (Allocation Failure) 3M->1M(7M) 0.784ms",
                "a line cut short by a crash: GC(1) Pause Young (Allocation"));

    assertThat(log.collections()).isEqualTo(1);
    assertThat(log.liveMiB()).isEqualTo(-1);
  }
}
