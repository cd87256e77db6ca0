package dev.lmi.operator.capacity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Estimated monthly cost of a warm baseline: environments at minimum × vCPUs per environment × the
 * price of a vCPU-hour for the architecture and memory per vCPU (the instance family) × hours a
 * month, plus Lambda's management fee on that. It is a floor of what the instances cost: Lambda
 * bills whole instances, runs at least three per provider for zone resilience and keeps headroom,
 * and requests and scaling above the minimum come on top.
 */
public final class Costs {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private Costs() {}

  /**
   * A function's baseline: {@code capacity.environmentsAtMin()} environments of {@code
   * capacity.vCpuPerEnvironment()} vCPUs (every warm version, retained ones included).
   */
  public static CostEstimate function(
      FunctionCapacity capacity, String architecture, int memoryGiBPerVCpu, PriceTable table) {
    var price = table.price(architecture, memoryGiBPerVCpu);
    var compute =
        price
            .vCpuHourUsd()
            .multiply(BigDecimal.valueOf(capacity.environmentsAtMin()))
            .multiply(BigDecimal.valueOf(capacity.vCpuPerEnvironment()))
            .multiply(BigDecimal.valueOf(table.hoursPerMonth()));
    var total = compute.add(compute.multiply(table.managementFeePercent()).divide(HUNDRED));
    return new CostEstimate(usd(total), basis(capacity, price, table), table.label());
  }

  private static String basis(FunctionCapacity capacity, InstancePrice price, PriceTable table) {
    var envs = capacity.environmentsAtMin();
    var warm =
        capacity.warmVersions() > 1 ? " (" + capacity.warmVersions() + " warm versions)" : "";
    return ("%d environment%s%s × %d vCPU%s (%s, %d GiB/vCPU: %s $%s/h ÷ %d vCPUs = $%s/vCPU-h) ×"
            + " %d h + %s %% management fee")
        .formatted(
            envs,
            Messages.plural(envs),
            warm,
            capacity.vCpuPerEnvironment(),
            Messages.plural(capacity.vCpuPerEnvironment()),
            price.architecture(),
            price.memoryGiBPerVCpu(),
            price.instanceType(),
            price.hourlyUsd().toPlainString(),
            price.vCpus(),
            price.vCpuHourUsd().toPlainString(),
            table.hoursPerMonth(),
            table.managementFeePercent().stripTrailingZeros().toPlainString());
  }

  /** A provider's baseline: the sum of its functions' estimates. */
  public static CostEstimate provider(List<CostEstimate> functions, PriceTable table) {
    var sum =
        functions.stream().map(CostEstimate::monthlyUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
    var basis =
        "sum of the estimates of its %d function%s (each: minimum environments × vCPUs × the price of a vCPU-hour × %d h + %s %% management fee)"
            .formatted(
                functions.size(),
                Messages.plural(functions.size()),
                table.hoursPerMonth(),
                table.managementFeePercent().stripTrailingZeros().toPlainString());
    return new CostEstimate(usd(sum), basis, table.label());
  }

  /** The change from {@code before} to {@code after}; null stands for no function (zero). */
  public static CostChange change(CostEstimate before, CostEstimate after) {
    var from = before == null ? usd(BigDecimal.ZERO) : before.monthlyUsd();
    var to = after == null ? usd(BigDecimal.ZERO) : after.monthlyUsd();
    var delta = to.subtract(from);
    var sign = delta.signum() < 0 ? "-" : "+";
    var text =
        delta.signum() == 0
            ? "estimated cost unchanged: $%s a month".formatted(to.toPlainString())
            : "estimated cost %s$%s a month ($%s → $%s)"
                .formatted(
                    sign, delta.abs().toPlainString(), from.toPlainString(), to.toPlainString());
    return new CostChange(from, to, delta, text);
  }

  private static BigDecimal usd(BigDecimal value) {
    return value.setScale(2, RoundingMode.HALF_UP);
  }
}
