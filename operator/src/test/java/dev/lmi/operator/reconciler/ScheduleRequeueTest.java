package dev.lmi.operator.reconciler;

import static dev.lmi.operator.testing.ScheduleSpecs.schedule;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lmi.operator.capacity.PriceTables;
import dev.lmi.operator.reconciler.plan.FunctionRecord;
import dev.lmi.operator.reconciler.plan.StatusRecords;
import dev.lmi.operator.status.Outcome;
import dev.lmi.operator.status.Reason;
import dev.lmi.operator.testing.Resources;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a reconcile does with the scaling in force, with the clock driven through the office
 * hours (weekday nights at zero, days at 3..10, Europe/Berlin): the window it applies, the reason
 * it ends with, and when it looks again — across firings, the spring and autumn daylight-saving
 * changes, and an operator that was down while a schedule fired.
 */
class ScheduleRequeueTest {
  private static final Outcome READY =
      Outcome.ready("alias live serves version 3", Duration.ofDays(7));

  @ParameterizedTest(name = "{0} ({1})")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          2026-03-24T11:00:00Z | Tuesday noon: days                     | days   | Ready     | PT8H
          2026-03-24T19:00:00Z | Tuesday 20:00 sharp: nights fired      | nights | Suspended | PT11H
          2026-03-24T19:00:01Z | a second after it                      | nights | Suspended | PT10H59M59S
          2026-03-27T20:00:00Z | Friday 21:00, Monday is summer time    | nights | Suspended | PT57H
          2026-03-30T04:59:59Z | Monday 06:59:59 CEST                   | nights | Suspended | PT1S
          2026-03-30T05:00:00Z | Monday 07:00 CEST                      | days   | Ready     | PT13H
          2026-03-30T09:00:00Z | down from Friday to Monday 11:00       | days   | Ready     | PT9H
          2026-10-23T18:00:00Z | Friday 20:00 CEST, Monday is winter    | nights | Suspended | PT60H
          2026-10-26T06:00:00Z | Monday 07:00 CET                       | days   | Ready     | PT13H
          """)
  void appliesTheWindowInForceAndLooksAgainAtTheNextFiring(
      String now, String what, String window, Reason reason, Duration requeue) {
    var accounts = accounts(Instant.parse(now));
    var fn = officeHours();

    var e = accounts.effective(fn);
    var outcome = accounts.settle(READY, e, record());

    assertThat(e.toStatus().getWindow()).as(what).isEqualTo(window);
    assertThat(outcome.reason()).as(what).isEqualTo(reason);
    assertThat(outcome.requeue()).as(what).isEqualTo(requeue);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Tuesday noon        | 2026-03-24T11:00:00Z
          Saturday, at zero   | 2026-03-28T11:00:00Z
          """)
  void suspendWinsOverEverySchedule(String what, String now) {
    var accounts = accounts(Instant.parse(now));
    var fn = officeHours();
    fn.getSpec().setSuspend(true);

    var e = accounts.effective(fn);
    var outcome = accounts.settle(READY, e, record());

    assertThat(outcome.reason()).as(what).isEqualTo(Reason.Suspended);
    assertThat(outcome.message())
        .isEqualTo(
            "spec.suspend: 0..0 execution environments; version 3 is scaled to zero (Deactivated)");
    // Nothing fires that could change it: the resync looks again.
    assertThat(outcome.requeue()).isEqualTo(READY.requeue());
    assertThat(outcome.isReady()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          waiting for AWS  | Publishing
          terminal         | VersionFailed
          """)
  void onlyReadyBecomesSuspendedAndATerminalOutcomeIsNotRequeued(String what, Reason reason) {
    var accounts = accounts(Instant.parse("2026-03-24T19:30:00Z"));
    var outcome =
        reason.terminal()
            ? Outcome.terminal(reason, "version 4 failed")
            : Outcome.waiting(reason, "version 4 is Pending", Duration.ofSeconds(5));

    var settled = accounts.settle(outcome, accounts.effective(officeHours()), record());

    assertThat(settled.reason()).as(what).isEqualTo(reason);
    assertThat(settled.requeue()).as(what).isEqualTo(outcome.requeue());
  }

  private static FunctionAccounts accounts(Instant now) {
    var clock = Clock.fixed(now, ZoneOffset.UTC);
    var settings = new CapacitySettings(PriceTables.defaults(), clock);
    return new FunctionAccounts(settings, new FunctionDirectory(), clock);
  }

  private static dev.lmi.operator.api.LmiFunction officeHours() {
    var fn = Resources.function("orders", "list-orders", "orders-pool");
    fn.getSpec().getScaling().setMaxExecutionEnvironments(10);
    fn.getSpec()
        .getScaling()
        .setSchedules(
            List.of(
                schedule("nights", "0 20 * * MON-FRI", 0, 0),
                schedule("days", "0 7 * * MON-FRI", 3, 10)));
    return fn;
  }

  /** A function whose alias serves version 3, scaled to zero. */
  private static FunctionRecord record() {
    var st = new dev.lmi.operator.api.LmiFunctionStatus();
    st.setAliasVersion("3");
    st.setPublishedVersion("3");
    st.setPublishedVersionState("Deactivated");
    return StatusRecords.function(st);
  }
}
