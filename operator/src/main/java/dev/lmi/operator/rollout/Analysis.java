package dev.lmi.operator.rollout;

import java.math.BigDecimal;
import java.util.List;

/**
 * The checks of every step: alarms that must not be in ALARM (nor missing), the highest error rate
 * of the canary (null: not checked), and the invocations a step needs before it passes and before
 * its error rate is judged.
 */
public record Analysis(List<String> alarms, BigDecimal maxErrorRate, long minInvocations) {
  public Analysis {
    alarms = alarms == null ? List.of() : List.copyOf(alarms);
  }
}
