package dev.lmi.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lmi.operator.api.CapacityProviderStatus;
import dev.lmi.operator.api.CostStatus;
import dev.lmi.operator.api.FunctionCapacityStatus;
import dev.lmi.operator.api.LmiFunction;
import dev.lmi.operator.api.LmiFunctionStatus;
import dev.lmi.operator.capacity.PriceTables;
import dev.lmi.operator.status.CapacityWarning;
import dev.lmi.operator.testing.Resources;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A provider's figures: the sums of its functions' status.capacity and status.cost. */
class ProviderAccountsTest {
  private final ProviderAccounts accounts =
      new ProviderAccounts(
          new CapacitySettings(PriceTables.defaults(), Clock.systemUTC()),
          new FunctionDirectory(),
          Clock.systemUTC());

  private static LmiFunction function(String name, int atMin, Integer atMax, String usd) {
    var fn = Resources.function("orders", name, "orders-pool");
    var capacity = new FunctionCapacityStatus();
    capacity.setvCpuPerEnvironment(1);
    capacity.setvCpuAtMin(atMin);
    capacity.setvCpuAtMax(atMax);
    capacity.setWarmVersions(atMin > 0 ? 1 : 0);
    var cost = new CostStatus();
    cost.setMonthlyUsd(usd);
    var status = new LmiFunctionStatus();
    status.setCapacity(capacity);
    status.setCost(cost);
    fn.setStatus(status);
    return fn;
  }

  @Test
  void sumsItsFunctionsAndSkipsThoseWithoutFiguresYet() {
    var cp = Resources.provider("orders-pool", "orders");
    cp.getSpec().getScaling().setMaxVCpuCount(8);
    var status = new CapacityProviderStatus();
    var fresh = Resources.function("orders", "fresh", "orders-pool");

    accounts.account(
        cp, status, List.of(function("a", 3, 4, "91.30"), function("b", 0, 0, "0.00"), fresh));

    assertThat(status.getCapacity().getSummary()).isEqualTo("3/4/8");
    assertThat(status.getCapacity().getFunctions()).isEqualTo(2);
    assertThat(status.getCapacity().getWarmVersions()).isEqualTo(1);
    assertThat(status.getCost().getMonthlyUsd()).isEqualTo("91.30");
    assertThat(status.getCost().getEstimate()).isTrue();
    assertThat(status.getConditions()).isNullOrEmpty();
  }

  @Test
  void warnsWhenTheMaximaTogetherPassTheCeilingAndSaysUnboundedWithoutOne() {
    var cp = Resources.provider("orders-pool", "orders");
    cp.getSpec().getScaling().setMaxVCpuCount(8);
    var status = new CapacityProviderStatus();

    accounts.account(cp, status, List.of(function("a", 3, 6, "91.30"), function("b", 3, 6, "x")));

    assertThat(status.getCapacity().getSummary()).isEqualTo("6/12/8");
    // An estimate that cannot be read is left out rather than failing the provider.
    assertThat(status.getCost().getMonthlyUsd()).isEqualTo("91.30");
    var warning = status.getConditions().get(0);
    assertThat(warning.getType()).isEqualTo(CapacityWarning.TYPE);
    assertThat(warning.getMessage())
        .startsWith("the maxima of the 2 functions add up to 12 vCPUs, more than maxVCpuCount 8");

    accounts.account(cp, status, List.of(function("a", 3, null, "91.30")));
    assertThat(status.getCapacity().getSummary()).isEqualTo("3/unbounded/8");
    assertThat(status.getConditions()).isEmpty();
  }
}
