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

  @Test
  void aSuspendedFunctionIsReadyButSaysWhy() {
    var suspended = new Outcome(Reason.Suspended, "spec.suspend: version 3 is Deactivated", null);

    var list = Conditions.ready(null, suspended, 4, T0);

    assertThat(suspended.isReady()).isTrue();
    assertThat(Reason.Suspended.kind()).isEqualTo(Reason.Kind.SUSPENDED);
    assertThat(list.get(0).getStatus()).isEqualTo("True");
    assertThat(list.get(0).getReason()).isEqualTo("Suspended");
  }

  @Test
  void waitingForCapacityIsNotReadyAndNotTerminal() {
    var waiting = Outcome.waiting(Reason.CapacityExceeded, "needs 6 vCPUs", Duration.ofMinutes(1));

    assertThat(waiting.isReady()).isFalse();
    assertThat(Reason.CapacityExceeded.terminal()).isFalse();
    assertThat(Conditions.ready(null, waiting, 1, T0).get(0).getStatus()).isEqualTo("False");
  }

  @Test
  void onlyReadyAndSuspendedMakeReadyTrue() {
    for (var reason : Reason.values()) {
      var expected = reason == Reason.Ready || reason == Reason.Suspended;
      assertThat(reason.ready()).as(reason.name()).isEqualTo(expected);
    }
  }

  @Test
  void theCapacityWarningComesAndGoesWithTheWarning() {
    var ready = Conditions.ready(null, Outcome.ready("ok", null), 1, T0);

    var warned = CapacityWarning.apply(ready, java.util.Optional.of("max beyond ceiling"), 1, T0);
    assertThat(warned)
        .extracting(c -> c.getType(), c -> c.getStatus(), c -> c.getReason())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Ready", "True", "Ready"),
            org.assertj.core.groups.Tuple.tuple("CapacityWarning", "True", "MaxBeyondCeiling"));
    var cleared = CapacityWarning.apply(warned, java.util.Optional.empty(), 2, T1);
    assertThat(cleared).extracting(c -> c.getType()).containsExactly("Ready");
    assertThat(CapacityWarning.apply(ready, java.util.Optional.empty(), 1, T0)).isSameAs(ready);
  }
}
