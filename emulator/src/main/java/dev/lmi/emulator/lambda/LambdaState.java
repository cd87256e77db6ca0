package dev.lmi.emulator.lambda;

import dev.lmi.emulator.ProviderCapacity;
import dev.lmi.emulator.Timings;
import dev.lmi.emulator.code.CodeStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/**
 * All Lambda resources of one account and region. Every API call holds this object's monitor, and
 * first applies the transitions that have come due, so state changes are atomic and ordered.
 */
public final class LambdaState implements AutoCloseable {

  final String region;
  final String accountId;
  final Timings timings;
  final CodeStore codes;
  final Map<String, CapacityProvider> providers = new LinkedHashMap<>();
  final Map<String, LambdaFunction> functions = new TreeMap<>();
  final Map<String, Map<String, String>> tags = new LinkedHashMap<>();
  final Map<String, String[]> failNextPublish = new ConcurrentHashMap<>();
  final java.util.Set<String> failNextProvider = ConcurrentHashMap.newKeySet();
  private final Set<LambdaFunction> unsettled = new LinkedHashSet<>();
  private final Map<String, Set<LambdaFunction>> functionsByProvider = new LinkedHashMap<>();
  final TokenBucket providerWrites = new TokenBucket(1000);
  final CapacityLedger capacity;
  final InvocationFailures invocationFailures = new InvocationFailures();
  final ExecutorService initExecutor =
      Executors.newCachedThreadPool(
          r -> {
            var t = new Thread(r, "lmi-ee-init");
            t.setDaemon(true);
            return t;
          });
  long sequence;

  /**
   * @param capacityLimits whether versions that do not fit their provider's MaxVCpuCount fail
   */
  public LambdaState(
      String region, String accountId, Timings timings, CodeStore codes, boolean capacityLimits) {
    this.region = region;
    this.accountId = accountId;
    this.timings = timings;
    this.codes = codes;
    this.capacity = new CapacityLedger(this, capacityLimits);
  }

  /** The vCPUs a provider's versions hold, against its MaxVCpuCount; empty for no provider. */
  public synchronized java.util.Optional<ProviderCapacity> capacity(String providerName) {
    settle();
    var cp = providers.get(Names.providerName(providerName));
    return java.util.Optional.ofNullable(cp)
        .map(p -> new ProviderCapacity(p.arn, capacity.inUse(p.arn), capacity.ceiling(p.arn)));
  }

  String providerArn(String name) {
    return "arn:aws:lambda:" + region + ":" + accountId + ":capacity-provider:" + name;
  }

  String functionArn(String name) {
    return "arn:aws:lambda:" + region + ":" + accountId + ":function:" + name;
  }

  String qualifiedArn(String name, String qualifier) {
    return functionArn(name) + ":" + qualifier;
  }

  /**
   * The function a name or ARN label points to; 404 when there is none. The label already met its
   * operation's shape in the model (whose length limits differ by operation).
   */
  LambdaFunction function(String label) {
    var name = Names.parseFunctionName(label)[0];
    var fn = functions.get(name);
    if (fn == null) {
      throw LambdaErrors.functionNotFound(functionArn(name));
    }
    return fn;
  }

  /** Resolves a qualifier (version, alias, $LATEST, $LATEST.PUBLISHED; null = $LATEST). */
  FunctionVersion version(LambdaFunction fn, String qualifier) {
    var q = qualifier == null ? "$LATEST" : qualifier;
    var alias = fn.aliases.get(q);
    var v = fn.versions.get(alias != null ? alias.path("FunctionVersion").asText() : q);
    if (v == null) {
      throw LambdaErrors.functionNotFound(qualifiedArn(fn.name, q));
    }
    return v;
  }

  /** Registers a provider whose next transition to Active ends in Failed instead. */
  public void failNextProvider(String name) {
    failNextProvider.add(Names.providerName(name));
  }

  /** Registers a failure to apply on the next publish of a function. */
  public void failNextPublish(String function, String reasonCode, String reason) {
    failNextPublish.put(function, new String[] {reasonCode, reason});
  }

  /** Fails a share of the invocations of one version as function errors (0 stops it). */
  public void failInvocations(String function, String version, double fraction, long seed) {
    invocationFailures.set(function, version, fraction, seed);
  }

  /** Stops every injected invocation failure. */
  public void clearInvocationFailures() {
    invocationFailures.clear();
  }

  /** Applies every transition whose time (and background work) has come. */
  void settle() {
    var now = Clock.now();
    for (var cp : providers.values()) {
      if (cp.transition != null && cp.transition.ready(now)) {
        var t = cp.transition;
        cp.transition = null;
        t.apply().run();
      }
    }
    // Every call settles first, under the lock, so only functions with something still to come
    // are looked at, not every function: at thousands of functions a full scan per call was most
    // of the emulator's time. Collect what is due, then apply (which may remove entries).
    List<FunctionVersion> dueVersions = null;
    List<LambdaFunction> dueDeletions = null;
    for (var it = unsettled.iterator(); it.hasNext(); ) {
      var fn = it.next();
      if (!held(fn)) {
        it.remove();
        continue;
      }
      var pending = fn.deletion != null;
      for (var v : fn.versions.values()) {
        pending |= v.transition != null || (v.scaling != null && v.scaling.requested != null);
        if (due(v, now)) {
          (dueVersions = dueVersions == null ? new ArrayList<>() : dueVersions).add(v);
        }
      }
      if (fn.deletion != null && fn.deletion.ready(now)) {
        (dueDeletions = dueDeletions == null ? new ArrayList<>() : dueDeletions).add(fn);
      }
      if (!pending) {
        it.remove();
      }
    }
    if (dueVersions != null) {
      dueVersions.forEach(v -> settleVersion(v, now));
    }
    if (dueDeletions != null) {
      for (var fn : dueDeletions) {
        if (fn.deletion != null && fn.deletion.ready(now)) {
          fn.deletion.apply().run();
        }
      }
    }
  }

  /**
   * Files a function under the provider its $LATEST names. Versions copy $LATEST's configuration
   * when published, so every version's provider is one its function was filed under.
   */
  void onProvider(LambdaFunction fn) {
    var arn = fn.latest().providerArn();
    if (arn != null) {
      functionsByProvider.computeIfAbsent(arn, a -> new LinkedHashSet<>()).add(fn);
    }
  }

  /**
   * How many versions of the functions held (being deleted included) on this provider match: the
   * quota check and the provider's delete guard look only at the functions filed under it.
   */
  int countVersionsOn(String providerArn, Predicate<FunctionVersion> which) {
    return sumOverVersionsOn(providerArn, v -> which.test(v) ? 1 : 0);
  }

  /** A sum over the versions of the functions held on this provider (e.g. reserved vCPUs). */
  int sumOverVersionsOn(String providerArn, ToIntFunction<FunctionVersion> value) {
    var filed = functionsByProvider.get(providerArn);
    if (filed == null) {
      return 0;
    }
    var sum = 0;
    for (var it = filed.iterator(); it.hasNext(); ) {
      var fn = it.next();
      if (!held(fn)) {
        it.remove();
        continue;
      }
      for (var v : fn.versions.values()) {
        if (providerArn.equals(v.providerArn())) {
          sum += value.applyAsInt(v);
        }
      }
    }
    return sum;
  }

  /**
   * False for a function dropped (or replaced by a new one of the same name) since it was filed.
   */
  private boolean held(LambdaFunction fn) {
    return functions.get(fn.name) == fn;
  }

  /**
   * Notes that a function or one of its versions has a transition, scaling change or deletion still
   * to come; {@link #settle()} watches it until nothing is left pending.
   */
  void unsettled(LambdaFunction fn) {
    unsettled.add(fn);
  }

  private static boolean due(FunctionVersion v, long now) {
    var s = v.scaling;
    return (v.transition != null && v.transition.ready(now))
        || (s != null && s.requested != null && now >= s.settleAt);
  }

  private void settleVersion(FunctionVersion v, long now) {
    if (v.transition != null && v.transition.ready(now)) {
      var t = v.transition;
      v.transition = null;
      t.apply().run();
    }
    var s = v.scaling;
    if (s != null
        && s.requested != null
        && now >= s.settleAt
        && v.transition == null
        && capacity.admit(v)) {
      s.applied = s.requested;
      s.requested = null;
      if (v.pool != null) {
        v.pool.resize(s.minEnvironments(), initExecutor);
      }
    }
  }

  /** Removes a function and everything hanging off it. */
  void dropFunction(LambdaFunction fn) {
    fn.versions.values().forEach(FunctionVersion::closePool);
    functions.remove(fn.name);
    tags.remove(fn.arn);
  }

  @Override
  public void close() {
    synchronized (this) {
      functions.values().forEach(f -> f.versions.values().forEach(FunctionVersion::closePool));
    }
    initExecutor.shutdownNow();
    codes.close();
  }
}
