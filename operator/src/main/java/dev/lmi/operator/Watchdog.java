package dev.lmi.operator;

import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tells whether the reconcile loop is wedged, for /healthz: a reconcile (or cleanup) running longer
 * than any AWS timeout allows, or an informer that stopped for good. It sees every execution
 * through the framework's metrics hook, so no reconciler has to report to it.
 *
 * <p>The limit cannot be reached by slow AWS calls: a reconcile makes at most about eight calls,
 * each at most three attempts of a 30 s socket timeout plus backoff (about 13 minutes in all), and
 * the client-side rate limits add seconds. A follower, or an operator with nothing to do, runs
 * nothing and stays healthy.
 */
public final class Watchdog implements Metrics {
  /** How long one reconcile may run before the loop counts as wedged. */
  public static final Duration STUCK_AFTER = Duration.ofMinutes(20);

  private record Running(String what, Instant since) {}

  private final Clock clock;
  private final Duration stuckAfter;
  private final Map<Long, Running> running = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();
  private volatile String stoppedInformer;

  public Watchdog(Clock clock, Duration stuckAfter) {
    this.clock = clock;
    this.stuckAfter = stuckAfter;
  }

  @Override
  public <T> T timeControllerExecution(ControllerExecution<T> execution) throws Exception {
    var id = ids.incrementAndGet();
    var what =
        execution.name() + " of " + execution.controllerName() + " " + execution.resourceID();
    running.put(id, new Running(what, clock.instant()));
    try {
      return execution.execute();
    } finally {
      running.remove(id);
    }
  }

  /** Records an informer that stopped and will not restart by itself. */
  public void informerStopped(String informer) {
    stoppedInformer = informer;
  }

  /** Why the loop is wedged, or empty while it is healthy. */
  public Optional<String> wedged() {
    if (stoppedInformer != null) {
      return Optional.of("informer " + stoppedInformer + " stopped");
    }
    var now = clock.instant();
    return running.values().stream()
        .filter(r -> Duration.between(r.since(), now).compareTo(stuckAfter) > 0)
        .min((a, b) -> a.since().compareTo(b.since()))
        .map(
            r ->
                r.what()
                    + " has run for "
                    + Duration.between(r.since(), now).toMinutes()
                    + " minutes (limit "
                    + stuckAfter.toMinutes()
                    + ")");
  }
}
