package dev.lmi.operator.reconciler;

import dev.lmi.operator.api.LmiFunction;
import io.javaoperatorsdk.operator.api.reconciler.IndexedResourceCache;
import java.util.Map;
import java.util.TreeMap;

/**
 * The LmiFunctions that name each capacity provider, read from the function controller's informer
 * cache (no API call), so that a provider can say which functions hold it.
 */
public final class FunctionDirectory {
  private volatile IndexedResourceCache<LmiFunction> cache;

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
