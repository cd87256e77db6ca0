package dev.lmi.operator.reconciler;

import dev.lmi.operator.api.CapacityProvider;
import dev.lmi.operator.api.CapacityProviderStatus;
import dev.lmi.operator.api.CostStatus;
import dev.lmi.operator.api.FunctionCapacityStatus;
import dev.lmi.operator.api.LmiFunction;
import dev.lmi.operator.capacity.CapacityBudget;
import dev.lmi.operator.capacity.CostEstimate;
import dev.lmi.operator.capacity.Costs;
import dev.lmi.operator.reconciler.plan.Holdings;
import dev.lmi.operator.status.CapacityWarning;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * A provider's capacity and cost, summed from the status of the LmiFunctions on it (read from the
 * informer cache, no AWS call): status.capacity (the VCPU MIN/MAX/CEILING column), status.cost, and
 * the CapacityWarning condition when the functions' maxima together pass the ceiling.
 */
final class ProviderAccounts {
  private final CapacitySettings settings;
  private final FunctionDirectory directory;
  private final Clock statusClock;

  ProviderAccounts(CapacitySettings settings, FunctionDirectory directory, Clock statusClock) {
    this.settings = settings;
    this.directory = directory;
    this.statusClock = statusClock;
  }

  void account(CapacityProvider cp, CapacityProviderStatus status) {
    account(cp, status, directory.on(cp.getMetadata().getName()));
  }

  /** The sums over {@code functions}, the LmiFunctions that name the provider. */
  void account(CapacityProvider cp, CapacityProviderStatus status, List<LmiFunction> functions) {
    var held = new ArrayList<FunctionCapacityStatus>();
    var costs = new ArrayList<CostEstimate>();
    for (var fn : functions) {
      var st = fn.getStatus();
      if (st != null && st.getCapacity() != null) {
        held.add(st.getCapacity());
        var cost = estimate(st.getCost());
        if (cost != null) {
          costs.add(cost);
        }
      }
    }
    var capacity = Holdings.provider(FunctionAccounts.ceiling(cp), held);
    status.setCapacity(capacity.toStatus());
    status.setCost(Costs.provider(costs, settings.prices()).toStatus());
    var generation = cp.getMetadata().getGeneration();
    status.setConditions(
        CapacityWarning.apply(
            status.getConditions(),
            CapacityBudget.oversubscribed(capacity),
            generation == null ? 0 : generation,
            statusClock));
  }

  /** A function's estimate as its status holds it; null when it holds none this can read. */
  private static CostEstimate estimate(CostStatus c) {
    if (c == null || c.getMonthlyUsd() == null) {
      return null;
    }
    try {
      return new CostEstimate(new BigDecimal(c.getMonthlyUsd()), c.getBasis(), c.getPriceTable());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
