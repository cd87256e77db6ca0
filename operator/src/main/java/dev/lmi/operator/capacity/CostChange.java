package dev.lmi.operator.capacity;

import java.math.BigDecimal;

/**
 * How an estimate changes with a manifest change, for plan: before (zero for a new function), after
 * (zero for a deleted one), the difference, and a line saying so.
 */
public record CostChange(
    BigDecimal beforeUsd, BigDecimal afterUsd, BigDecimal deltaUsd, String text) {

  /** True when the estimate does not move. */
  public boolean none() {
    return deltaUsd.signum() == 0;
  }
}
