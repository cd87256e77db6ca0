package dev.lmi.operator.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ConditionsTest {
  private static final Clock T0 =
      Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
  private static final Clock T1 = Clock.offset(T0, Duration.ofMinutes(5));

  @Test
  void keepsTheTransitionTimeWhileTheStatusStaysTheSame() {
    var first = Conditions.ready(null, Outcome.waiting(Reason.Creating, "a", null), 1, T0);
    var second = Conditions.ready(first, Outcome.waiting(Reason.Publishing, "b", null), 2, T1);
    assertThat(second)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.getLastTransitionTime()).isEqualTo("2026-01-01T00:00:00Z");
              assertThat(c.getReason()).isEqualTo("Publishing");
              assertThat(c.getObservedGeneration()).isEqualTo(2);
            });
    var ready = Conditions.ready(second, Outcome.ready("ok", null), 2, T1);
    assertThat(ready.get(0).getLastTransitionTime()).isEqualTo("2026-01-01T00:05:00Z");
    assertThat(ready.get(0).getStatus()).isEqualTo("True");
  }

  @Test
  void keepsReadyFirstAndOtherTypesAlongside() {
    var list = Conditions.set(null, "MultiAvailabilityZone", "True", "MultipleZones", "", 1, T0);
    list = Conditions.ready(list, Outcome.ready("ok", null), 1, T0);
    assertThat(list).extracting(c -> c.getType()).containsExactly("Ready", "MultiAvailabilityZone");
  }

  @Test
  void everyTerminalReasonIsDistinguishableFromWaitingOnes() {
    assertThat(Reason.VersionFailed.terminal()).isTrue();
    assertThat(Reason.Publishing.terminal()).isFalse();
    assertThat(Reason.Ready.kind()).isEqualTo(Reason.Kind.READY);
  }
}
