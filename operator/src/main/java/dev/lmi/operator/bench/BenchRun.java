package dev.lmi.operator.bench;

import dev.lmi.emulator.EmulatorAdmin;
import dev.lmi.operator.api.CapacityProvider;
import dev.lmi.operator.api.LmiFunction;
import dev.lmi.operator.status.Conditions;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Applies the benchmark's resources, waits for Ready, then measures one steady-state resync. */
final class BenchRun {
  private final KubernetesClient client;
  private final EmulatorAdmin admin;
  private final int providers;
  private final int functions;

  private static final String FUNCTIONS = HasMetadata.getPlural(LmiFunction.class);
  private static final String PROVIDERS = HasMetadata.getPlural(CapacityProvider.class);

  /** Calls made during one resync period once everything was Ready. */
  record Steady(long writes, long reads, int resources) {}

  BenchRun(KubernetesClient client, EmulatorAdmin admin, int providers, int functions) {
    this.client = client;
    this.admin = admin;
    this.providers = providers;
    this.functions = functions;
  }

  /**
   * Converges a few functions on a provider of their own, then deletes them and waits until AWS
   * holds none of them: the measured run then meets a JIT-compiled operator, SDK and emulator, as a
   * long-running operator would, not a JVM's first seconds.
   */
  static void warmUp(
      KubernetesClient client,
      IndexedCrudDispatcher store,
      String namespace,
      int functions,
      Duration timeout)
      throws InterruptedException {
    var readyFunctions = new ReadyCounter(FUNCTIONS, namespace, functions);
    var readyProviders = new ReadyCounter(PROVIDERS, null, 1);
    try (var f = store.observe(readyFunctions);
        var p = store.observe(readyProviders)) {
      var deadline = System.nanoTime() + timeout.toNanos();
      var applied = apply(client, namespace, "warm-pool-", 1, "warm-", functions);
      if (readyFunctions.await(deadline) < 0 || readyProviders.await(deadline) < 0) {
        throw new IllegalStateException("warm-up did not converge within " + timeout);
      }
      applied.forEach(r -> client.resource(r).delete());
      while (readyFunctions.present() > 0 || readyProviders.present() > 0) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("warm-up resources were not deleted within " + timeout);
        }
        Thread.sleep(20);
      }
    }
  }

  /** Times from the first apply until every provider, and every resource, was Ready. */
  record Converged(Duration providers, Duration all) {}

  /** Applies everything and waits until every resource is Ready; null on timeout. */
  Converged applyAndAwaitReady(IndexedCrudDispatcher store, Duration timeout)
      throws InterruptedException {
    // Readiness is seen where the API server stores it, the moment a watch would report it:
    // polling with LISTs, or a watch of its own, would load the API server being measured.
    var readyFunctions = new ReadyCounter(FUNCTIONS, BenchCommand.NAMESPACE, functions);
    var readyProviders = new ReadyCounter(PROVIDERS, null, providers);
    try (var f = store.observe(readyFunctions);
        var p = store.observe(readyProviders)) {
      var start = System.nanoTime();
      apply(client, BenchCommand.NAMESPACE, "pool-", providers, "fn-", functions);
      var deadline = start + timeout.toNanos();
      var providersAt = readyProviders.await(deadline);
      var functionsAt = readyFunctions.await(deadline);
      if (providersAt < 0 || functionsAt < 0) {
        return null;
      }
      return new Converged(
          Duration.ofNanos(providersAt - start),
          Duration.ofNanos(Math.max(providersAt, functionsAt) - start));
    }
  }

  /**
   * Creates providers {@code <providerPrefix><i>}, then functions {@code <functionPrefix><i>} round
   * robin over them; returns the functions, then the providers, the order to delete them in.
   */
  private static List<HasMetadata> apply(
      KubernetesClient client,
      String namespace,
      String providerPrefix,
      int providers,
      String functionPrefix,
      int functions) {
    var providerObjects = new ArrayList<HasMetadata>();
    for (var p = 0; p < providers; p++) {
      providerObjects.add(
          client.resource(BenchResources.provider(providerPrefix + p, namespace)).create());
    }
    var created = new ArrayList<HasMetadata>();
    for (var f = 0; f < functions; f++) {
      var fn =
          BenchResources.function(namespace, functionPrefix + f, providerPrefix + (f % providers));
      created.add(client.resource(fn).create());
    }
    created.addAll(providerObjects);
    return created;
  }

  /**
   * Counts the objects of one kind (and namespace) whose Ready condition has reason Ready, as the
   * API server stores them, and notes when all of them first were.
   */
  static final class ReadyCounter implements IndexedCrudDispatcher.Observer {
    private final String plural;
    private final String namespace;
    private final int expected;
    private final Set<String> present = ConcurrentHashMap.newKeySet();
    private final Set<String> ready = ConcurrentHashMap.newKeySet();
    private final CountDownLatch all = new CountDownLatch(1);
    private volatile long allReadyAt = -1;

    ReadyCounter(String plural, String namespace, int expected) {
      this.plural = plural;
      this.namespace = namespace;
      this.expected = expected;
    }

    @Override
    public void changed(
        String plural, String namespace, String name, GenericKubernetesResource stored) {
      if (!this.plural.equals(plural) || !Objects.equals(this.namespace, namespace)) {
        return;
      }
      if (stored == null) {
        present.remove(name);
        ready.remove(name);
        return;
      }
      present.add(name);
      if (!isReady(stored)) {
        ready.remove(name);
        return;
      }
      ready.add(name);
      if (ready.size() >= expected && allReadyAt < 0) {
        allReadyAt = System.nanoTime();
        all.countDown();
      }
    }

    /** The Ready condition's reason is Ready, read from the stored object as kubectl would. */
    static boolean isReady(GenericKubernetesResource r) {
      if (!(r.getAdditionalProperties().get("status") instanceof Map<?, ?> status)
          || !(status.get("conditions") instanceof List<?> conditions)) {
        return false;
      }
      for (var c : conditions) {
        if (c instanceof Map<?, ?> condition && Conditions.READY.equals(condition.get("type"))) {
          return Conditions.READY.equals(condition.get("reason"));
        }
      }
      return false;
    }

    int present() {
      return present.size();
    }

    /** When all were first Ready (System.nanoTime), or -1 if not by the deadline. */
    long await(long deadlineNanos) throws InterruptedException {
      all.await(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
      return allReadyAt;
    }
  }

  /** Lets in-flight work settle, then counts AWS calls over exactly one resync period. */
  Steady steadyStateResync(Duration resync) throws InterruptedException {
    Thread.sleep(Math.min(2000, resync.toMillis()));
    admin.resetCounters();
    Thread.sleep(resync.toMillis());
    return new Steady(admin.writeCalls(), admin.readCalls(), providers + functions);
  }
}
