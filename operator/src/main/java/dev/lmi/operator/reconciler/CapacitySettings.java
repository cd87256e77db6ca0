package dev.lmi.operator.reconciler;

import dev.lmi.operator.capacity.PriceTable;
import dev.lmi.operator.capacity.PriceTables;
import java.time.Clock;

/**
 * What capacity and cost go by: the prices of the estimates, and the clock schedules are evaluated
 * at (injectable, so tests move through firings and daylight-saving changes).
 */
public record CapacitySettings(PriceTable prices, Clock clock) {
  public static CapacitySettings defaults() {
    return new CapacitySettings(PriceTables.defaults(), Clock.systemUTC());
  }
}
