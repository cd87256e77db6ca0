package dev.lmi.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** When a provider sums its functions' capacity again: coalesced, and never on a stale cache. */
class FunctionDirectoryTest {
  private final AtomicLong now = new AtomicLong(1_000_000);
  private final List<String> scheduled = new ArrayList<>();
  private final FunctionDirectory directory = new FunctionDirectory(now::get);

  FunctionDirectoryTest() {
    directory.nudges(
        (provider, delay) -> {
          scheduled.add(provider + " in " + delay + " ms");
          return true;
        });
  }

  @Test
  void aBurstOfChangesOnOneProviderIsOneReTotalThreeSecondsLater() {
    directory.capacityChanged("pool");
    directory.capacityChanged("pool");
    now.addAndGet(1000);
    directory.capacityChanged("other");

    assertThat(scheduled).containsExactly("pool in 3000 ms", "other in 3000 ms");
  }

  @Test
  void aChangeWhileAReTotalIsPendingGetsExactlyOneMoreAfterIt() {
    directory.capacityChanged("pool");
    now.addAndGet(2900);
    directory.capacityChanged("pool");
    directory.capacityChanged("pool");
    now.addAndGet(100);

    directory.retotalled("pool");
    directory.retotalled("pool");

    assertThat(scheduled).containsExactly("pool in 3000 ms", "pool in 3000 ms");
  }

  @Test
  void aReTotalWithNoChangeSinceItWasScheduledSchedulesNothing() {
    directory.capacityChanged("pool");
    now.addAndGet(3000);

    directory.retotalled("pool");
    directory.retotalled("other");

    assertThat(scheduled).containsExactly("pool in 3000 ms");
  }

  @Test
  void nothingIsScheduledBeforeTheTimerRunsAndAChangeThenIsNotLost() {
    var idle = new FunctionDirectory(now::get);
    idle.nudges((provider, delay) -> false);
    idle.capacityChanged("pool");
    idle.nudges(
        (provider, delay) -> {
          scheduled.add(provider + " in " + delay + " ms");
          return true;
        });

    idle.capacityChanged("pool");

    assertThat(scheduled).containsExactly("pool in 3000 ms");
  }
}
