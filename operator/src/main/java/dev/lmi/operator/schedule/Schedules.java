package dev.lmi.operator.schedule;

import dev.lmi.operator.api.Defaults;
import dev.lmi.operator.api.LmiFunctionSpec;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The effective scaling of a function at an instant: {@code spec.suspend} wins; otherwise the
 * schedule that fired last (in its own time zone, looking back up to {@link ZonedCron#HORIZON_DAYS}
 * days, whether or not the operator was running then); otherwise the base values of {@code
 * spec.scaling}. Pure: the clock is an argument.
 */
public final class Schedules {
  private Schedules() {}

  /** The inputs, parsed: base values, the schedules in spec order, and suspend. */
  public record Settings(int baseMin, Integer baseMax, List<Window> windows, boolean suspend) {}

  /** The effective scaling of a validated spec at {@code now}. */
  public static EffectiveScaling effectiveScaling(LmiFunctionSpec spec, Instant now) {
    return effectiveScaling(settings(spec), now);
  }

  /** The effective scaling at {@code now}. */
  public static EffectiveScaling effectiveScaling(Settings settings, Instant now) {
    if (settings.suspend()) {
      return new EffectiveScaling(0, 0, EffectiveScaling.Source.SUSPEND, null, null, null, null);
    }
    var next = next(settings.windows(), now);
    var nextAt = next == null ? null : next.firing().at();
    var nextName = next == null ? null : next.window().name();
    var last = last(settings.windows(), now);
    if (last == null) {
      return new EffectiveScaling(
          settings.baseMin(),
          settings.baseMax(),
          EffectiveScaling.Source.BASE,
          null,
          null,
          nextAt,
          nextName);
    }
    var w = last.window();
    return new EffectiveScaling(
        w.minExecutionEnvironments(),
        w.maxExecutionEnvironments(),
        EffectiveScaling.Source.SCHEDULE,
        w.name(),
        last.firing().at(),
        nextAt,
        nextName);
  }

  /** Parses the spec's scaling; the spec must have passed validation (cron, time zones). */
  public static Settings settings(LmiFunctionSpec spec) {
    var scaling = spec.getScaling();
    var base = Integer.parseInt(Defaults.MIN_EXECUTION_ENVIRONMENTS);
    var min = scaling == null || scaling.getMinExecutionEnvironments() == null ? base : null;
    var windows = new ArrayList<Window>();
    if (scaling != null && scaling.getSchedules() != null) {
      for (var s : scaling.getSchedules()) {
        windows.add(window(s));
      }
    }
    return new Settings(
        min != null ? min : scaling.getMinExecutionEnvironments(),
        scaling == null ? null : scaling.getMaxExecutionEnvironments(),
        List.copyOf(windows),
        Boolean.TRUE.equals(spec.getSuspend()));
  }

  private static Window window(dev.lmi.operator.api.ScalingScheduleSpec s) {
    try {
      var zone = ZoneId.of(s.getTimeZone() == null ? Defaults.SCHEDULE_TIME_ZONE : s.getTimeZone());
      var min = s.getMinExecutionEnvironments();
      return new Window(
          s.getName(),
          new ZonedCron(CronExpression.parse(s.getCron()), zone),
          min == null ? 0 : min,
          s.getMaxExecutionEnvironments());
    } catch (CronSyntaxException | DateTimeException e) {
      throw new IllegalArgumentException("schedule " + s.getName() + ": " + e.getMessage(), e);
    }
  }

  private record Fired(Window window, int index, Firing firing) {}

  // Equal instants: a firing moved out of a daylight-saving gap was written earlier than one at
  // the gap's end, so it ranks first; then by written time; else the later schedule in the list.
  private static final Comparator<Fired> ORDER =
      Comparator.comparing((Fired f) -> f.firing().at())
          .thenComparing(f -> !f.firing().moved())
          .thenComparing(
              f -> f.firing().moved() ? f.firing().written() : null,
              Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparingInt(Fired::index);

  private static Fired last(List<Window> windows, Instant now) {
    Fired best = null;
    for (var i = 0; i < windows.size(); i++) {
      var fired = windows.get(i).cron().lastAtOrBefore(now);
      if (fired.isPresent()) {
        var candidate = new Fired(windows.get(i), i, fired.get());
        best = best == null || ORDER.compare(candidate, best) > 0 ? candidate : best;
      }
    }
    return best;
  }

  // The earliest instant a schedule fires at; of the schedules firing then, the one in force after.
  private static Fired next(List<Window> windows, Instant now) {
    var fired = new ArrayList<Fired>();
    for (var i = 0; i < windows.size(); i++) {
      var index = i;
      windows
          .get(i)
          .cron()
          .nextAfter(now)
          .ifPresent(f -> fired.add(new Fired(windows.get(index), index, f)));
    }
    var first = fired.stream().map(f -> f.firing().at()).min(Comparator.naturalOrder());
    return first.isEmpty()
        ? null
        : fired.stream().filter(f -> f.firing().at().equals(first.get())).max(ORDER).orElseThrow();
  }
}
