package dev.lmi.operator.bench;

import dev.lmi.emulator.EmulatorAdmin;
import dev.lmi.operator.api.CapacityProvider;
import dev.lmi.operator.api.ConditionedStatus;
import dev.lmi.operator.api.LmiFunction;
import dev.lmi.operator.status.Conditions;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;

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
    var provider = BenchResources.provider("warm-up", namespace);
    var fns = new java.util.ArrayList<LmiFunction>();
    for (var f = 0; f < functions; f++) {
      fns.add(BenchResources.function(namespace, "warm-" + f, "warm-up"));
    }
    try (var fnInformer = client.resources(LmiFunction.class).inNamespace(namespace).inform();
        var cpInformer = client.resources(CapacityProvider.class).inform()) {
      client.resource(provider).create();
      fns.forEach(fn -> client.resource(fn).create());
      var deadline = System.nanoTime() + timeout.toNanos();
      while (ready(fnInformer.getStore().list()) < functions
          || ready(cpInformer.getStore().list()) < 1) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("warm-up did not converge within " + timeout);
        }
        Thread.sleep(20);
      }
      fns.forEach(fn -> client.resource(fn).delete());
      client.resource(provider).delete();
      while (!fnInformer.getStore().list().isEmpty() || !cpInformer.getStore().list().isEmpty()) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("warm-up resources were not deleted within " + timeout);
        }
        Thread.sleep(20);
      }
    }
  }

  /** Time from the first apply until every resource is Ready, or null on timeout. */
  Duration applyAndAwaitReady(Duration timeout) throws InterruptedException {
    // Readiness is watched, not polled: LISTs would load the API server being measured, and
    // scanning a cache of thousands every few milliseconds would take CPU from the operator.
    var ready = new ReadyCounter(functions + providers);
    try (var fns =
            client
                .resources(LmiFunction.class)
                .inNamespace(BenchCommand.NAMESPACE)
                .inform(ready.handler());
        var cps = client.resources(CapacityProvider.class).inform(ready.handler())) {
      var start = System.nanoTime();
      for (var p = 0; p < providers; p++) {
        client.resource(BenchResources.provider("pool-" + p, BenchCommand.NAMESPACE)).create();
      }
      for (var f = 0; f < functions; f++) {
        var fn =
            BenchResources.function(BenchCommand.NAMESPACE, "fn-" + f, "pool-" + (f % providers));
        client.resource(fn).create();
      }
      var allReadyAt = ready.await(start + timeout.toNanos());
      return allReadyAt < 0 ? null : Duration.ofNanos(allReadyAt - start);
    }
  }

  /** Counts resources whose Ready condition is True and notes when all of them first were. */
  private static final class ReadyCounter {
    private final int expected;
    private final java.util.Set<String> ready = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.CountDownLatch all =
        new java.util.concurrent.CountDownLatch(1);
    private volatile long allReadyAt = -1;

    ReadyCounter(int expected) {
      this.expected = expected;
    }

    <T extends CustomResource<?, ? extends ConditionedStatus>>
        io.fabric8.kubernetes.client.informers.ResourceEventHandler<T> handler() {
      return new io.fabric8.kubernetes.client.informers.ResourceEventHandler<>() {
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
          && "Ready".equals(Conditions.readyReason(r.getStatus().getConditions()))) {
        ready.add(uid);
        if (ready.size() >= expected && allReadyAt < 0) {
          allReadyAt = System.nanoTime();
          all.countDown();
        }
      } else {
        ready.remove(uid);
      }
    }

    long await(long deadlineNanos) throws InterruptedException {
      all.await(
          Math.max(0, deadlineNanos - System.nanoTime()),
          java.util.concurrent.TimeUnit.NANOSECONDS);
      return allReadyAt;
    }
  }

  private static long ready(List<? extends CustomResource<?, ? extends ConditionedStatus>> items) {
    return items.stream()
        .filter(
            r ->
                r.getStatus() != null
                    && "Ready".equals(Conditions.readyReason(r.getStatus().getConditions())))
        .count();
  }

  /** Lets in-flight work settle, then counts AWS calls over exactly one resync period. */
  Steady steadyStateResync(Duration resync) throws InterruptedException {
    Thread.sleep(Math.min(2000, resync.toMillis()));
    admin.resetCounters();
    Thread.sleep(resync.toMillis());
    return new Steady(admin.writeCalls(), admin.readCalls(), providers + functions);
  }
}
