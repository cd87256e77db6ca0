package dev.lmi.operator.reconciler;

import dev.lmi.operator.api.CapacityProvider;
import dev.lmi.operator.api.LmiFunction;
import io.javaoperatorsdk.operator.api.reconciler.IndexedResourceCache;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.timer.TimerEventSource;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The LmiFunctions that name each capacity provider, read from the function controller's informer
 * cache (no API call), so that a provider can say which functions hold it; and the way a function
 * whose capacity changed asks its provider to add them up again.
 */
public final class FunctionDirectory {
  /** How soon a provider sums again after a function's capacity changed, and how often at most. */
  static final long NUDGE_MILLIS = 3000;

  private volatile IndexedResourceCache<LmiFunction> cache;
  private volatile TimerEventSource<CapacityProvider> nudges;
  private final Map<String, Long> due = new ConcurrentHashMap<>();

  void nudges(TimerEventSource<CapacityProvider> timer) {
    this.nudges = timer;
  }

  /** At most one pending reconcile per provider, NUDGE_MILLIS away: a burst coalesces into one. */
  void capacityChanged(String providerName) {
    var timer = nudges;
    if (timer == null || !timer.isRunning() || providerName.isEmpty()) {
      return;
    }
    var now = System.currentTimeMillis();
    var pending = due.get(providerName);
    if (pending != null && pending > now) {
      return;
    }
    due.put(providerName, now + NUDGE_MILLIS);
    timer.scheduleOnce(new ResourceID(providerName), NUDGE_MILLIS);
  }

  void attach(IndexedResourceCache<LmiFunction> cache) {
    this.cache = cache;
  }

  /** The LmiFunctions naming the provider, as the cache has them (shared: not to be changed). */
  java.util.List<LmiFunction> on(String providerName) {
    var known = cache;
    return known == null
        ? java.util.List.of()
        : known.byIndex(ProviderEvents.PROVIDER_INDEX, providerName);
  }

  /** "namespace/name" of each LmiFunction naming the provider, by its function's AWS name. */
  Map<String, String> byAwsName(String providerName) {
    var out = new TreeMap<String, String>();
    var known = cache;
    if (known == null) {
      return out;
    }
    for (var fn : known.byIndex(ProviderEvents.PROVIDER_INDEX, providerName)) {
      var recorded = fn.getStatus() == null ? null : fn.getStatus().getAwsName();
      out.put(
          recorded != null
              ? recorded
              : dev.lmi.operator.reconciler.plan.FunctionDesired.awsName(fn),
          fn.getMetadata().getNamespace() + "/" + fn.getMetadata().getName());
    }
    return out;
  }
}
