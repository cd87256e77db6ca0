package dev.lmi.operator.rollout;

import dev.lmi.operator.aws.AlarmView;
import dev.lmi.operator.aws.InvocationCounts;
import java.util.List;

/** What was read for a {@link ReadRequest}: alarm states, and counts when metrics were asked. */
public record Readings(List<AlarmView> alarms, InvocationCounts counts) {
  public Readings {
    alarms = alarms == null ? List.of() : List.copyOf(alarms);
  }
}
