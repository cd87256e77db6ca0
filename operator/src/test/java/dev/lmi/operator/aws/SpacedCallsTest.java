package dev.lmi.operator.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Capacity-provider writes: one at a time, each an interval after the previous one ended. */
class SpacedCallsTest {
  private static final Duration INTERVAL = Duration.ofMillis(100);
  private static final long CALL_MILLIS = 40;

  record Span(long start, long end) {}

  @Test
  void startsEachCallAnIntervalAfterThePreviousOneEndedAndNeverTwoAtOnce() throws Exception {
    var gate = new SpacedCalls(INTERVAL);
    var spans = Collections.synchronizedList(new ArrayList<Span>());
    var inFlight = new AtomicInteger();
    var mostInFlight = new AtomicInteger();
    var calls = new ArrayList<Callable<Span>>();
    for (var i = 0; i < 5; i++) {
      calls.add(
          () ->
              gate.run(
                  () -> {
                    mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    var start = System.nanoTime();
                    sleep(CALL_MILLIS);
                    inFlight.decrementAndGet();
                    var span = new Span(start, System.nanoTime());
                    spans.add(span);
                    return span;
                  }));
    }
    try (var pool = Executors.newFixedThreadPool(5)) {
      for (var f : pool.invokeAll(calls)) {
        f.get();
      }
    }
    assertThat(mostInFlight).hasValue(1);
    List<Span> ordered = new ArrayList<>(spans);
    ordered.sort((a, b) -> Long.compare(a.start(), b.start()));
    for (var i = 1; i < ordered.size(); i++) {
      assertThat(ordered.get(i).start() - ordered.get(i - 1).end())
          .as("gap before call %d", i)
          .isGreaterThanOrEqualTo(INTERVAL.toNanos());
    }
  }

  @Test
  void aFailedCallStillHoldsTheNextOneBack() {
    var gate = new SpacedCalls(INTERVAL);
    var failedAt = new long[1];
    try {
      gate.run(
          () -> {
            failedAt[0] = System.nanoTime();
            throw new IllegalStateException("throttled");
          });
    } catch (IllegalStateException expected) {
      // the gate passes the failure on
    }
    var startedAt = gate.run(System::nanoTime);
    assertThat(startedAt - failedAt[0]).isGreaterThanOrEqualTo(INTERVAL.toNanos());
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
