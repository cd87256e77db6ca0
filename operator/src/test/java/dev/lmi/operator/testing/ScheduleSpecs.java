package dev.lmi.operator.testing;

import dev.lmi.operator.api.ScalingScheduleSpec;

/** spec.scaling.schedules entries for tests: Berlin time, as the examples use. */
public final class ScheduleSpecs {
  private ScheduleSpecs() {}

  public static ScalingScheduleSpec schedule(String name, String cron, int min, Integer max) {
    var s = new ScalingScheduleSpec();
    s.setName(name);
    s.setCron(cron);
    s.setTimeZone("Europe/Berlin");
    s.setMinExecutionEnvironments(min);
    s.setMaxExecutionEnvironments(max);
    return s;
  }
}
