package dev.lmi.operator.capacity;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The On-Demand price of one instance type standing for a family: the architecture and memory per
 * vCPU it serves, and the hourly price, from which the price of one vCPU-hour follows.
 */
public record InstancePrice(
    String architecture,
    int memoryGiBPerVCpu,
    String instanceType,
    int vCpus,
    BigDecimal hourlyUsd) {

  /** The instance's hourly price divided by its vCPUs (its memory comes with them). */
  public BigDecimal vCpuHourUsd() {
    return hourlyUsd.divide(BigDecimal.valueOf(vCpus), MathContext.DECIMAL64).stripTrailingZeros();
  }
}
