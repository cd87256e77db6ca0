package dev.lmi.operator.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * A cron expression read in a time zone, and the firings that follow from it across daylight-saving
 * changes, as cron(8) fires them: a time the clocks skip (02:30 on the night they go from 02:00 to
 * 03:00) fires once, at the first instant after the gap; a time the clocks repeat (02:30 on the
 * night they go back from 03:00 to 02:00) fires once, the first time. Searches look at most {@link
 * #HORIZON_DAYS} days away, which covers every expression validation admits.
 */
public record ZonedCron(CronExpression cron, ZoneId zone) {
  /** Days searched before or after an instant: more than the 8 years between two 29 Februaries. */
  public static final int HORIZON_DAYS = 2930;

  /** The latest firing at or before {@code now}, if one happened within the horizon. */
  public Optional<Firing> lastAtOrBefore(Instant now) {
    var today = LocalDate.ofInstant(now, zone);
    for (var back = 0; back <= HORIZON_DAYS; back++) {
      var day = today.minusDays(back);
      if (!cron.firesOn(day)) {
        continue;
      }
      for (var i = cron.timesPerDay() - 1; i >= 0; i--) {
        var firing = fire(day, cron.minuteOfDay(i));
        if (!firing.at().isAfter(now)) {
          return Optional.of(firing);
        }
      }
    }
    return Optional.empty();
  }

  /** The earliest firing strictly after {@code now}, if one comes within the horizon. */
  public Optional<Firing> nextAfter(Instant now) {
    var today = LocalDate.ofInstant(now, zone);
    for (var ahead = 0; ahead <= HORIZON_DAYS; ahead++) {
      var day = today.plusDays(ahead);
      if (!cron.firesOn(day)) {
        continue;
      }
      for (var i = 0; i < cron.timesPerDay(); i++) {
        var firing = fire(day, cron.minuteOfDay(i));
        if (firing.at().isAfter(now)) {
          return Optional.of(firing);
        }
      }
    }
    return Optional.empty();
  }

  // Resolving local times this way keeps firings in the order of their written times: a time in a
  // gap lands on the gap's end, a repeated time on its first occurrence.
  private Firing fire(LocalDate day, int minuteOfDay) {
    var written = day.atTime(minuteOfDay / 60, minuteOfDay % 60);
    var rules = zone.getRules();
    var offsets = rules.getValidOffsets(written);
    if (offsets.isEmpty()) {
      return new Firing(rules.getTransition(written).getInstant(), written, true);
    }
    return new Firing(written.atOffset(offsets.get(0)).toInstant(), written, false);
  }
}
