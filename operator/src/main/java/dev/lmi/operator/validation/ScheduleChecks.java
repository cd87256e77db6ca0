package dev.lmi.operator.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lmi.operator.api.ScheduleRules;
import dev.lmi.operator.schedule.CronExpression;
import dev.lmi.operator.schedule.CronSyntaxException;
import dev.lmi.operator.schedule.ZonedCron;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What CEL cannot check of {@code spec.scaling.schedules}: that each cron expression is standard
 * cron whose values are in range and that fires at least once in {@link ZonedCron#HORIZON_DAYS}
 * days, and that each time zone is one the IANA database (as the JVM ships it) names. Run by
 * validate and by the operator before any AWS call.
 */
final class ScheduleChecks {
  private static final Pattern ZONE_SHAPE = Pattern.compile(ScheduleRules.TIME_ZONE_PATTERN);
  private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();

  private ScheduleChecks() {}

  static List<Violation> check(String kind, JsonNode object) {
    var schedules = object.path("spec").path("scaling").path("schedules");
    if (!"LmiFunction".equals(kind) || !schedules.isArray()) {
      return List.of();
    }
    var found = new ArrayList<Violation>();
    for (var i = 0; i < schedules.size(); i++) {
      var path = "spec.scaling.schedules[" + i + "]";
      var cron = schedules.get(i).path("cron");
      if (cron.isTextual()) {
        cron(cron.asText()).ifPresent(m -> found.add(new Violation(path + ".cron", m)));
      }
      var zone = schedules.get(i).path("timeZone");
      if (zone.isTextual()) {
        zone(zone.asText()).ifPresent(m -> found.add(new Violation(path + ".timeZone", m)));
      }
    }
    return found;
  }

  /** What is wrong with a cron expression, if anything. */
  static java.util.Optional<String> cron(String text) {
    try {
      var gap = CronExpression.parse(text).longestGapInDays();
      if (gap.isEmpty()) {
        return java.util.Optional.of(
            "cron \""
                + text
                + "\" never fires: no day matches its day-of-month, month and"
                + " day-of-week (e.g. 30 February)");
      }
      if (gap.getAsInt() > ZonedCron.HORIZON_DAYS) {
        return java.util.Optional.of(
            "cron \"%s\" fires as rarely as every %d days; a schedule must fire at least every %d days (8 years), as far back as the operator looks"
                .formatted(text, gap.getAsInt(), ZonedCron.HORIZON_DAYS));
      }
      return java.util.Optional.empty();
    } catch (CronSyntaxException e) {
      return java.util.Optional.of("cron \"" + text + "\": " + e.getMessage());
    }
  }

  // A name of the wrong shape is the schema's to report; a well-formed name must exist.
  private static java.util.Optional<String> zone(String name) {
    if (!ZONE_SHAPE.matcher(name).matches() || ZONES.contains(name)) {
      return java.util.Optional.empty();
    }
    var near =
        ZONES.stream()
            .filter(z -> z.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
            .findFirst()
            .map(z -> " (did you mean " + z + "?)")
            .orElse(" (e.g. Europe/Berlin, America/New_York, UTC)");
    return java.util.Optional.of("timeZone \"" + name + "\" is not an IANA time zone name" + near);
  }
}
