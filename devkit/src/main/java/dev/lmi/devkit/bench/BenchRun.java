package dev.lmi.devkit.bench;

import dev.lmi.emulator.EmulatorAdmin;
import dev.lmi.operator.api.CapacityProvider;
import dev.lmi.operator.api.LmiFunction;
import dev.lmi.operator.reconciler.FunctionDirectory;
import dev.lmi.operator.status.Conditions;
import dev.lmi.sandbox.kube.IndexedCrudDispatcher;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/** Applies the benchmark's resources, waits for Ready, then measures one steady-state resync. */
final class BenchRun {
  /**
   * Time between all Ready and the measured resync: in-flight work and re-totals end first. A
   * provider sums again a nudge after its functions' capacity first changed (before all are Ready),
   * and once more a nudge after that when a function changed meanwhile: up to two nudges after
   * Ready, and a second for the reconciles.
   */
  private static final long SETTLE_MILLIS = 2 * FunctionDirectory.NUDGE_MILLIS + 1000;

  /**
   * Manifests sent at once, as a GitOps sync sends many: one client thread would make the run's
   * time the time to POST a thousand objects to an API server that shares two cores with the
   * operator, and measure that rather than the operator.
   */
  static final int APPLY_THREADS = 16;

  private final KubernetesClient client;
  private final EmulatorAdmin admin;
  private final int providers;
  private final int functions;
  private final UnaryOperator<HasMetadata> asApplied;

  private static final String PROVIDER_PREFIX = "pool-";
  private static final String FUNCTION_PREFIX = "fn-";
  private static final String FUNCTIONS = HasMetadata.getPlural(LmiFunction.class);
  private static final String PROVIDERS = HasMetadata.getPlural(CapacityProvider.class);

  /** Calls made during one resync period once everything was Ready. */
  record Steady(long writes, long reads, int resources) {}

  /**
   * @param asApplied what the measured run's manifests carry besides themselves, e.g. {@link
   *     KubectlMetadata#add}
   */
  BenchRun(
      KubernetesClient client,
      EmulatorAdmin admin,
      int providers,
      int functions,
      UnaryOperator<HasMetadata> asApplied) {
    this.client = client;
    this.asApplied = asApplied;
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
      var applied =
          apply(client, namespace, "warm-pool-", 1, "warm-", functions, UnaryOperator.identity());
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

  /**
   * Times from the first apply: until the last manifest was applied, until every provider was
   * Ready, and until everything was; when each function first was Ready, in order; and how long the
   * functions of the last provider took once it was Ready (the function part of the critical path).
   */
  record Converged(
      Duration applied,
      Duration providers,
      Duration all,
      List<Duration> functions,
      Duration lastProvidersFunctions) {
    /** When the given share (0-1] of the functions was Ready. */
    Duration functionsReady(double share) {
      return functions.get(Math.max(0, (int) Math.ceil(share * functions.size()) - 1));
    }
  }

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
      apply(
          client,
          BenchCommand.NAMESPACE,
          PROVIDER_PREFIX,
          providers,
          FUNCTION_PREFIX,
          functions,
          asApplied);
      var appliedAt = System.nanoTime();
      var deadline = start + timeout.toNanos();
      var providersAt = readyProviders.await(deadline);
      var functionsAt = readyFunctions.await(deadline);
      if (providersAt < 0 || functionsAt < 0) {
        return null;
      }
      var each = new ArrayList<Duration>(functions);
      for (var at : readyFunctions.firstReadyTimes()) {
        each.add(Duration.ofNanos(at - start));
      }
      return new Converged(
          Duration.ofNanos(appliedAt - start),
          Duration.ofNanos(providersAt - start),
          Duration.ofNanos(Math.max(providersAt, functionsAt) - start),
          List.copyOf(each),
          lastProvidersFunctions(readyProviders.firstReady(), readyFunctions.firstReady()));
    }
  }

  /** From the last provider's Ready until the last of its functions (apply's round robin). */
  private Duration lastProvidersFunctions(
      Map<String, Long> providerTimes, Map<String, Long> fnTimes) {
    var last = providerTimes.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
    var index = Integer.parseInt(last.getKey().substring(PROVIDER_PREFIX.length()));
    var latest = last.getValue();
    for (var i = index; i < functions; i += providers) {
      latest = Math.max(latest, fnTimes.getOrDefault(FUNCTION_PREFIX + i, latest));
    }
    return Duration.ofNanos(latest - last.getValue());
  }

  /**
   * Creates providers {@code <providerPrefix><i>}, then functions {@code <functionPrefix><i>} round
   * robin over them, {@link #APPLY_THREADS} at a time; returns the functions, then the providers,
   * the order to delete them in.
   */
  private static List<HasMetadata> apply(
      KubernetesClient client,
      String namespace,
      String providerPrefix,
      int providers,
      String functionPrefix,
      int functions,
      UnaryOperator<HasMetadata> asApplied)
      throws InterruptedException {
    var providerObjects = new ArrayList<HasMetadata>();
    for (var p = 0; p < providers; p++) {
      providerObjects.add(
          client
              .resource(asApplied.apply(BenchResources.provider(providerPrefix + p, namespace)))
              .create());
    }
    var creates = new ArrayList<Callable<HasMetadata>>(functions);
    for (var f = 0; f < functions; f++) {
      var fn =
          asApplied.apply(
              BenchResources.function(
                  namespace, functionPrefix + f, providerPrefix + (f % providers)));
      creates.add(() -> client.resource(fn).create());
    }
    var created = new ArrayList<HasMetadata>(functions + providers);
    try (var pool = Executors.newFixedThreadPool(APPLY_THREADS)) {
      for (var done : pool.invokeAll(creates)) {
        created.add(done.get());
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("could not apply a manifest", e.getCause());
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
    private final Map<String, Long> firstReady = new ConcurrentHashMap<>();
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
      firstReady.putIfAbsent(name, System.nanoTime());
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

    /** When each one was first Ready (System.nanoTime), in order. */
    long[] firstReadyTimes() {
      return firstReady.values().stream().mapToLong(Long::longValue).sorted().toArray();
    }

    /** When each one was first Ready (System.nanoTime), by name. */
    Map<String, Long> firstReady() {
      return Map.copyOf(firstReady);
    }

    /** When all were first Ready (System.nanoTime), or -1 if not by the deadline. */
    long await(long deadlineNanos) throws InterruptedException {
      all.await(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
      return allReadyAt;
    }
  }

  /**
   * Lets in-flight work settle, then counts AWS calls over exactly one resync period, telling
   * {@code starts} when it begins. Settling includes the providers' last re-totals ({@link
   * #SETTLE_MILLIS}).
   */
  Steady steadyStateResync(Duration resync, Runnable starts) throws InterruptedException {
    Thread.sleep(SETTLE_MILLIS);
    admin.resetCounters();
    starts.run();
    Thread.sleep(resync.toMillis());
    return new Steady(admin.writeCalls(), admin.readCalls(), providers + functions);
  }
}
