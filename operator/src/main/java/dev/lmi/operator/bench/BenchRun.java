package dev.lmi.operator.bench;

import dev.lmi.emulator.EmulatorAdmin;
import dev.lmi.operator.api.CapacityProvider;
import dev.lmi.operator.api.ConditionedStatus;
import dev.lmi.operator.api.LmiFunction;
import dev.lmi.operator.status.Conditions;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
  static void warmUp(KubernetesClient client, String namespace, int functions, Duration timeout)
      throws InterruptedException {
    var ready = new ReadyCounter(functions + 1);
    try (var fnInformer =
            client.resources(LmiFunction.class).inNamespace(namespace).inform(ready.handler());
        var cpInformer = client.resources(CapacityProvider.class).inform(ready.handler())) {
      var deadline = System.nanoTime() + timeout.toNanos();
      var applied = apply(client, namespace, "warm-pool-", 1, "warm-", functions);
      if (ready.await(deadline) < 0) {
        throw new IllegalStateException("warm-up did not converge within " + timeout);
      }
      applied.forEach(r -> client.resource(r).delete());
      while (!fnInformer.getStore().list().isEmpty() || !cpInformer.getStore().list().isEmpty()) {
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
  Converged applyAndAwaitReady(Duration timeout) throws InterruptedException {
    // Readiness is watched, not polled: LISTs would load the API server being measured, and
    // scanning a cache of thousands every few milliseconds would take CPU from the operator.
    var readyFunctions = new ReadyCounter(functions);
    var readyProviders = new ReadyCounter(providers);
    try (var fns =
            client
                .resources(LmiFunction.class)
                .inNamespace(BenchCommand.NAMESPACE)
                .inform(readyFunctions.handler());
        var cps = client.resources(CapacityProvider.class).inform(readyProviders.handler())) {
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

  /** Counts resources whose Ready condition is True and notes when all of them first were. */
  private static final class ReadyCounter {
    private final int expected;
    private final Set<String> ready = ConcurrentHashMap.newKeySet();
    private final CountDownLatch all = new CountDownLatch(1);
    private volatile long allReadyAt = -1;

    ReadyCounter(int expected) {
      this.expected = expected;
    }

    <T extends CustomResource<?, ? extends ConditionedStatus>> ResourceEventHandler<T> handler() {
      return new ResourceEventHandler<>() {
        @Override
        public void onAdd(T r) {
          seen(r);
        }

        @Override
        public void onUpdate(T before, T r) {
          seen(r);
        }

        @Override
        public void onDelete(T r, boolean unknown) {
          ready.remove(r.getMetadata().getUid());
        }
      };
    }

    private void seen(CustomResource<?, ? extends ConditionedStatus> r) {
      var uid = r.getMetadata().getUid();
      if (r.getStatus() != null
          && Conditions.READY.equals(Conditions.readyReason(r.getStatus().getConditions()))) {
        ready.add(uid);
        if (ready.size() >= expected && allReadyAt < 0) {
          allReadyAt = System.nanoTime();
          all.countDown();
        }
      } else {
        ready.remove(uid);
      }
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
