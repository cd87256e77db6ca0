package dev.lmi.operator.capacity;

import dev.lmi.operator.api.CostStatus;
import java.math.BigDecimal;

/**
 * An estimated monthly cost in US dollars (two decimals), how it was computed, and the price table
 * it comes from. Always an estimate: list prices, no discounts, no requests.
 */
public record CostEstimate(BigDecimal monthlyUsd, String basis, String priceTable) {

  /** "91.30". */
  public String monthlyUsdText() {
    return monthlyUsd.toPlainString();
  }

  /** For status.cost. */
  public CostStatus toStatus() {
    var s = new CostStatus();
    s.setMonthlyUsd(monthlyUsdText());
    s.setBasis(basis);
    s.setPriceTable(priceTable);
    s.setEstimate(true);
    return s;
  }
}
