package dev.lmi.operator.capacity;

import java.math.BigDecimal;
import java.util.List;

/**
 * Prices for the cost estimates: one instance price per architecture and memory per vCPU, the hours
 * of a month and the management fee, with the date, region and source they come from. Build it with
 * {@link PriceTables}, which checks it.
 */
public record PriceTable(
    String name,
    String date,
    String region,
    String currency,
    String source,
    int hoursPerMonth,
    BigDecimal managementFeePercent,
    List<InstancePrice> instances) {

  public PriceTable {
    instances = List.copyOf(instances);
  }

  /** The price for this architecture (arm64, x86_64) and memory per vCPU (2, 4, 8). */
  public InstancePrice price(String architecture, int memoryGiBPerVCpu) {
    return instances.stream()
        .filter(i -> i.architecture().equals(architecture))
        .filter(i -> i.memoryGiBPerVCpu() == memoryGiBPerVCpu)
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "price table "
                        + name
                        + " has no price for "
                        + architecture
                        + " at "
                        + memoryGiBPerVCpu
                        + " GiB/vCPU"));
  }

  /** "default 2026-06, us-east-1": what status.cost.priceTable says. */
  public String label() {
    return name + " " + date + ", " + region;
  }
}
