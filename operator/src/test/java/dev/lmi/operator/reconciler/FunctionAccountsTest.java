package dev.lmi.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lmi.operator.api.LmiFunctionStatus;
import dev.lmi.operator.capacity.PriceTables;
import dev.lmi.operator.reconciler.plan.FunctionDesired;
import dev.lmi.operator.reconciler.plan.StatusRecords;
import dev.lmi.operator.status.CapacityWarning;
import dev.lmi.operator.status.Outcome;
import dev.lmi.operator.testing.Resources;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The figures a reconcile writes into a function's status, and the capacity warning. */
class FunctionAccountsTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-24T11:00:00Z"), ZoneOffset.UTC);

  @ParameterizedTest(name = "min {0}, max {1}, ceiling {2}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      textBlock =
          """
          3 | 4  | 100 | 3 | 4  | 91.30 | -
          3 | 10 | 8   | 3 | 10 | 91.30 | at its maximum this function holds 10 vCPUs, but CapacityProvider orders-pool leaves it 8 of its 8
          3 | -  | 8   | 3 | -  | 91.30 | -
          0 | 0  | 8   | 0 | 0  | 0.00  | -
          """)
  void recordsCapacityCostAndWarnsOfAMaximumBeyondTheCeiling(
      int min,
      Integer max,
      int ceiling,
      int vCpuAtMin,
      Integer vCpuAtMax,
      String monthlyUsd,
      String warning) {
    var fn = Resources.function("orders", "list-orders", "orders-pool");
    fn.getSpec().getScaling().setMinExecutionEnvironments(min);
    fn.getSpec().getScaling().setMaxExecutionEnvironments(max);
    fn.getMetadata().setGeneration(2L);
    var cp = Resources.provider("orders-pool", "orders");
    cp.getSpec().getScaling().setMaxVCpuCount(ceiling);
    var accounts =
        new FunctionAccounts(
            new CapacitySettings(PriceTables.defaults(), CLOCK), new FunctionDirectory(), CLOCK);
    var e = accounts.effective(fn);
    var d = FunctionAccounts.scaled(FunctionDesired.of(fn, "arn", "owner"), e);
    var status = new LmiFunctionStatus();
    status.setAliasVersion("1");
    status.setPublishedVersion("1");
    status.setPublishedVersionState("Active");
    var ready = Outcome.ready("alias live serves version 1", Duration.ofMinutes(10));

    accounts.account(fn, cp, status, null, d, e, StatusRecords.function(status), ready);

    assertThat(status.getCapacity().getvCpuPerEnvironment()).isEqualTo(1);
    assertThat(status.getCapacity().getvCpuAtMin()).isEqualTo(vCpuAtMin);
    assertThat(status.getCapacity().getvCpuAtMax()).isEqualTo(vCpuAtMax);
    assertThat(status.getCost().getMonthlyUsd()).isEqualTo(monthlyUsd);
    assertThat(status.getCost().getEstimate()).isTrue();
    assertThat(status.getEffectiveScaling().getWindow()).isEqualTo("base");
    var condition =
        status.getConditions() == null
            ? null
            : status.getConditions().stream()
                .filter(c -> CapacityWarning.TYPE.equals(c.getType()))
                .findFirst()
                .orElse(null);
    if (warning == null) {
      assertThat(condition).isNull();
    } else {
      assertThat(condition.getStatus()).isEqualTo("True");
      assertThat(condition.getReason()).isEqualTo(CapacityWarning.REASON);
      assertThat(condition.getMessage()).startsWith(warning);
      assertThat(condition.getObservedGeneration()).isEqualTo(2L);
    }
  }

  @Test
  void figuresHeldUnwrittenAreAnnouncedAgainByTheReconcileThatWritesThem() {
    var fn = Resources.function("orders", "list-orders", "orders-pool");
    fn.getSpec().getScaling().setMinExecutionEnvironments(2);
    fn.getSpec().getScaling().setMaxExecutionEnvironments(2);
    var cp = Resources.provider("orders-pool", "orders");
    var now = new long[] {0};
    var directory = new FunctionDirectory(() -> now[0]);
    var scheduled = new ArrayList<String>();
    directory.nudges(
        (provider, delay) -> {
          scheduled.add(provider);
          return true;
        });
    var accounts =
        new FunctionAccounts(new CapacitySettings(PriceTables.defaults(), CLOCK), directory, CLOCK);
    var e = accounts.effective(fn);
    var d = FunctionAccounts.scaled(FunctionDesired.of(fn, "arn", "owner"), e);
    var stored = new LmiFunctionStatus();
    var status = new LmiFunctionStatus();
    status.setAliasVersion("1");
    status.setPublishedVersion("1");
    status.setPublishedVersionState("Active");
    var step = Outcome.ready("alias live serves version 1", Duration.ofMinutes(10));

    // A passing step records new figures and asks for a re-total; its status is held, unwritten.
    accounts.account(fn, cp, status, stored, d, e, StatusRecords.function(status), step);
    assertThat(scheduled).containsExactly("orders-pool");
    // The next reconcile starts from the held status, so its figures are not new to it, but the
    // API server still holds none: the re-total due may read the cache before this write lands.
    now[0] = 500;
    accounts.account(fn, cp, status, stored, d, e, StatusRecords.function(status), step);
    directory.retotalled("orders-pool");

    assertThat(scheduled).containsExactly("orders-pool", "orders-pool");
  }
}
