package dev.lmi.operator.reconciler;

import dev.lmi.operator.api.CapacityProvider;
import dev.lmi.operator.api.LmiFunction;
import io.javaoperatorsdk.operator.api.reconciler.IndexedResourceCache;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.timer.TimerEventSource;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The LmiFunctions that name each capacity provider, read from the function controller's informer
 * cache (no API call), so that a provider can say which functions hold it; and the way a function
 * whose capacity changed asks its provider to add them up again.
 */
public final class FunctionDirectory {
  /** How soon a provider sums again after a function's capacity changed, and how often at most. */
  public static final long NUDGE_MILLIS = 3000;

  private volatile IndexedResourceCache<LmiFunction> cache;
  private volatile Timer timer = (provider, delay) -> false;
  private final LongSupplier millis;
  private final Map<String, Long> due = new ConcurrentHashMap<>();
  private final Set<String> trailing = ConcurrentHashMap.newKeySet();

  /** Where a provider's re-total is scheduled: false when it cannot be (not running). */
  interface Timer {
    boolean schedule(String providerName, long delayMillis);
  }

  public FunctionDirectory() {
    this(System::currentTimeMillis);
  }

  FunctionDirectory(LongSupplier millis) {
    this.millis = millis;
  }

  void nudges(TimerEventSource<CapacityProvider> events) {
    nudges(
        (provider, delay) -> {
          if (!events.isRunning()) {
            return false;
          }
          events.scheduleOnce(new ResourceID(provider), delay);
          return true;
        });
  }

  void nudges(Timer t) {
    this.timer = t;
  }

  /**
   * At most one pending re-total per provider, NUDGE_MILLIS away: a burst coalesces into one. A
   * change while one is pending may reach the cache after that re-total reads it, so exactly one
   * more follows it ({@link #retotalled}).
   */
  void capacityChanged(String providerName) {
    if (providerName.isEmpty()) {
      return;
    }
    var pending = due.get(providerName);
    if (pending != null && pending > millis.getAsLong()) {
      trailing.add(providerName);
      return;
    }
    schedule(providerName);
  }

  /** The provider summed its functions again: the one re-total a change while pending asked for. */
  void retotalled(String providerName) {
    if (trailing.remove(providerName)) {
      schedule(providerName);
    }
  }

  private void schedule(String providerName) {
    if (timer.schedule(providerName, NUDGE_MILLIS)) {
      due.put(providerName, millis.getAsLong() + NUDGE_MILLIS);
    }
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
