package dev.lmi.operator.status;

import io.fabric8.kubernetes.api.model.Condition;
import java.time.Clock;
import java.util.List;

/**
 * The MultiAvailabilityZone condition of a capacity provider: a warning (Ready does not depend on
 * it) when its subnets span a single zone, from the zones its network check resolved.
 */
public final class ZoneSpread {
  public static final String TYPE = "MultiAvailabilityZone";

  private ZoneSpread() {}

  /** The conditions with MultiAvailabilityZone set, once the zones are known; else unchanged. */
  public static List<Condition> apply(
      List<Condition> current, List<String> zones, long generation, Clock clock) {
    if (zones == null) {
      return current;
    }
    var ok = zones.size() >= 2;
    return Conditions.set(
        current,
        TYPE,
        ok ? "True" : "False",
        ok ? "MultipleZones" : "SingleAvailabilityZone",
        ok
            ? "subnets span " + zones.size() + " availability zones"
            : "subnets span "
                + zones.size()
                + " availability zone(s); use subnets in at least two (three recommended) for"
                + " resilience",
        generation,
        clock);
  }
}
