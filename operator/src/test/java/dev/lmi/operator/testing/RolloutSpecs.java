package dev.lmi.operator.testing;

import dev.lmi.operator.api.RolloutAnalysis;
import dev.lmi.operator.api.RolloutSpec;
import dev.lmi.operator.api.RolloutStep;
import dev.lmi.operator.api.RolloutStrategy;
import java.util.ArrayList;
import java.util.List;

/** spec.rollout blocks for tests outside the rollout package. */
public final class RolloutSpecs {
  private RolloutSpecs() {}

  /** Canary with weights and pauses in turn: canary(10, "5m", 50, "5m"). */
  public static RolloutSpec canary(Object... weightsAndPauses) {
    var spec = new RolloutSpec();
    spec.setStrategy(RolloutStrategy.Canary);
    var steps = new ArrayList<RolloutStep>();
    for (var i = 0; i < weightsAndPauses.length; i += 2) {
      steps.add(new RolloutStep((Integer) weightsAndPauses[i], (String) weightsAndPauses[i + 1]));
    }
    spec.setSteps(steps);
    return spec;
  }

  /** Linear: increment, 2 × increment, ... below 100 %, each held for the interval. */
  public static RolloutSpec linear(int increment, String interval) {
    var linear = new dev.lmi.operator.api.LinearRollout();
    linear.setIncrement(increment);
    linear.setInterval(interval);
    var spec = new RolloutSpec();
    spec.setStrategy(RolloutStrategy.Linear);
    spec.setLinear(linear);
    return spec;
  }

  public static RolloutSpec analysed(
      RolloutSpec spec, List<String> alarms, String maxErrorRate, Integer minInvocations) {
    var a = new RolloutAnalysis();
    a.setAlarms(alarms);
    a.setMaxErrorRate(maxErrorRate);
    a.setMinInvocations(minInvocations);
    spec.setAnalysis(a);
    return spec;
  }
}
