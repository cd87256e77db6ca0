package dev.lmi.operator.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CostsTest {
  private static final PriceTable DEFAULT = PriceTables.defaults();

  private static FunctionCapacity capacity(int vcpus, long environments, int warm) {
    return new FunctionCapacity(vcpus, environments, environments * vcpus, null, warm);
  }

  @ParameterizedTest(name = "{0} at {1} GiB/vCPU: {2}/vCPU-h")
  @CsvSource({
    "arm64, 2, c7g.large, 0.03625",
    "arm64, 4, m7g.large, 0.0408",
    "arm64, 8, r7g.large, 0.05355",
    "x86_64, 2, c7i.large, 0.044625",
    "x86_64, 4, m7i.large, 0.0504",
    "x86_64, 8, r7i.large, 0.06615"
  })
  void derivesTheVCpuHourFromTheInstancePrice(
      String architecture, int ratio, String instance, String vCpuHour) {
    var price = DEFAULT.price(architecture, ratio);

    assertThat(price.instanceType()).isEqualTo(instance);
    assertThat(price.vCpuHourUsd()).isEqualByComparingTo(vCpuHour);
  }

  // Expected: environments × vCPUs × vCPU-hour × 730 × 1.15, rounded half up to cents.
  @ParameterizedTest(name = "{0} × {1} vCPU {2} at {3}: ${4}")
  @CsvSource({
    "3, 1, arm64, 2, 91.30", // 3 × 0.03625 × 730 = 79.3875; × 1.15 = 91.295625
    "3, 2, x86_64, 4, 253.86", // 6 × 0.0504 × 730 = 220.752; × 1.15 = 253.8648
    "1, 4, arm64, 8, 179.82", // 4 × 0.05355 × 730 = 156.366; × 1.15 = 179.8209
    "10, 16, x86_64, 2, 5994.03", // 160 × 0.044625 × 730 = 5212.2; × 1.15 = 5994.03
    "0, 1, arm64, 2, 0.00"
  })
  void estimatesTheMonthlyCostOfTheWarmBaseline(
      long environments, int vcpus, String architecture, int ratio, String usd) {
    var estimate = Costs.function(capacity(vcpus, environments, 1), architecture, ratio, DEFAULT);

    assertThat(estimate.monthlyUsdText()).isEqualTo(usd);
    assertThat(estimate.priceTable()).isEqualTo("default 2026-06, us-east-1");
  }

  @Test
  void saysHowTheEstimateWasMade() {
    var estimate = Costs.function(capacity(1, 6, 2), "arm64", 2, DEFAULT);

    assertThat(estimate.basis())
        .isEqualTo(
            "6 environments (2 warm versions) × 1 vCPU (arm64, 2 GiB/vCPU: c7g.large $0.0725/h ÷ 2"
                + " vCPUs = $0.03625/vCPU-h) × 730 h + 15 % management fee");
    var status = estimate.toStatus();
    assertThat(status.getMonthlyUsd()).isEqualTo("182.59");
    assertThat(status.getEstimate()).isTrue();
    assertThat(status.getPriceTable()).isEqualTo("default 2026-06, us-east-1");
  }

  @Test
  void aProviderCostsWhatItsFunctionsCost() {
    var a = Costs.function(capacity(1, 3, 1), "arm64", 2, DEFAULT);
    var b = Costs.function(capacity(2, 3, 1), "arm64", 4, DEFAULT);

    var provider = Costs.provider(List.of(a, b), DEFAULT);

    assertThat(provider.monthlyUsd()).isEqualByComparingTo(a.monthlyUsd().add(b.monthlyUsd()));
    assertThat(provider.basis()).startsWith("sum of the estimates of its 2 functions");
    assertThat(Costs.provider(List.of(), DEFAULT).monthlyUsdText()).isEqualTo("0.00");
  }

  @Test
  void theChangeOfAnEstimateIsTheDifferenceOfTwoEstimates() {
    var three = Costs.function(capacity(1, 3, 1), "arm64", 2, DEFAULT);
    var six = Costs.function(capacity(1, 6, 1), "arm64", 2, DEFAULT);

    var up = Costs.change(three, six);
    assertThat(up.deltaUsd()).isEqualByComparingTo("91.29");
    assertThat(up.text()).isEqualTo("estimated cost +$91.29 a month ($91.30 → $182.59)");
    assertThat(Costs.change(six, three).text())
        .isEqualTo("estimated cost -$91.29 a month ($182.59 → $91.30)");
    assertThat(Costs.change(null, three).text())
        .isEqualTo("estimated cost +$91.30 a month ($0.00 → $91.30)");
    assertThat(Costs.change(three, null).deltaUsd()).isEqualByComparingTo("-91.30");
    var same = Costs.change(three, three);
    assertThat(same.none()).isTrue();
    assertThat(same.text()).isEqualTo("estimated cost unchanged: $91.30 a month");
    assertThat(same.beforeUsd()).isEqualTo(new BigDecimal("91.30"));
  }
}
