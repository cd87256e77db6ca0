package dev.lmi.operator.capacity;

import static dev.lmi.operator.testing.ScheduleSpecs.schedule;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lmi.operator.api.Architecture;
import dev.lmi.operator.api.FunctionScalingSpec;
import dev.lmi.operator.api.LmiFunctionSpec;
import dev.lmi.operator.api.ScalingScheduleSpec;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpecCapacityTest {

  private static LmiFunctionSpec spec(Integer min, Integer max, ScalingScheduleSpec... schedules) {
    var scaling = new FunctionScalingSpec();
    scaling.setMinExecutionEnvironments(min);
    scaling.setMaxExecutionEnvironments(max);
    scaling.setSchedules(List.of(schedules));
    var spec = new LmiFunctionSpec();
    spec.setMemoryMiB(8192);
    spec.setMemoryGiBPerVCpu(4);
    spec.setArchitecture(Architecture.ARM64);
    spec.setScaling(scaling);
    return spec;
  }

  @Test
  void appliesTheCrdDefaults() {
    var spec = new LmiFunctionSpec();

    assertThat(SpecCapacity.vCpuPerEnvironment(spec)).isEqualTo(1);
    assertThat(SpecCapacity.architecture(spec)).isEqualTo("x86_64");
    assertThat(SpecCapacity.memoryGiBPerVCpu(spec)).isEqualTo(2);
    var peak = CapacityBudget.function(SpecCapacity.peak("f", spec));
    assertThat(peak.vCpuAtMin()).isEqualTo(3);
    assertThat(peak.vCpuAtMax()).isNull();
  }

  @Test
  void thePeakIsTheLargestMinimumAndMaximumOfAnyWindow() {
    var spec =
        spec(2, 4, schedule("nights", "0 20 * * *", 0, 0), schedule("peak", "0 9 * * MON", 6, 12));

    var peak = CapacityBudget.function(SpecCapacity.peak("orders/f", spec));

    assertThat(peak.vCpuPerEnvironment()).isEqualTo(2);
    assertThat(peak.vCpuAtMin()).isEqualTo(12);
    assertThat(peak.vCpuAtMax()).isEqualTo(24);
  }

  @Test
  void aWindowWithoutMaximumMakesThePeakUnbounded() {
    var spec = spec(2, 4, schedule("busy", "0 9 * * *", 3, null));

    assertThat(CapacityBudget.function(SpecCapacity.peak("f", spec)).vCpuAtMax()).isNull();
  }

  @Test
  void aSuspendedFunctionHoldsNothing() {
    var spec = spec(5, 10);
    spec.setSuspend(true);

    var peak = CapacityBudget.function(SpecCapacity.peak("f", spec));

    assertThat(peak.vCpuAtMin()).isZero();
    assertThat(peak.vCpuAtMax()).isZero();
  }

  @Test
  void theDesiredLoadFollowsTheWindowInForce() {
    var spec =
        spec(3, 10, schedule("nights", "0 20 * * *", 0, 0), schedule("days", "0 7 * * *", 3, 10));

    var night = SpecCapacity.desired("f", spec, Instant.parse("2026-12-07T22:00:00Z"));
    var day = SpecCapacity.desired("f", spec, Instant.parse("2026-12-07T12:00:00Z"));

    assertThat(CapacityBudget.function(night).vCpuAtMin()).isZero();
    assertThat(CapacityBudget.function(day).vCpuAtMin()).isEqualTo(6);
    assertThat(
            SpecCapacity.desiredCost(
                    spec, Instant.parse("2026-12-07T22:00:00Z"), PriceTables.defaults())
                .monthlyUsdText())
        .isEqualTo("0.00");
    // 3 × 2 vCPUs × $0.0408 × 730 h × 1.15 = 205.51
    assertThat(
            SpecCapacity.desiredCost(
                    spec, Instant.parse("2026-12-07T12:00:00Z"), PriceTables.defaults())
                .monthlyUsdText())
        .isEqualTo("205.51");
  }
}
