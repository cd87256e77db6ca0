package dev.lmi.operator.bench;

import dev.lmi.emulator.EmulatorAdmin;
import dev.lmi.operator.api.CapacityProvider;
import dev.lmi.operator.api.LmiFunction;
import dev.lmi.operator.status.Conditions;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;

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

  /** Time from the first apply until every resource is Ready, or null on timeout. */
  Duration applyAndAwaitReady(Duration timeout) throws InterruptedException {
    var start = System.nanoTime();
    for (var p = 0; p < providers; p++) {
      client.resource(BenchResources.provider("pool-" + p, BenchCommand.NAMESPACE)).create();
    }
    for (var f = 0; f < functions; f++) {
      var fn =
          BenchResources.function(BenchCommand.NAMESPACE, "fn-" + f, "pool-" + (f % providers));
      client.resource(fn).create();
    }
    var deadline = start + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (allReady()) {
        return Duration.ofNanos(System.nanoTime() - start);
      }
      Thread.sleep(100);
    }
    return null;
  }

  private boolean allReady() {
    var fns =
        client.resources(LmiFunction.class).inNamespace(BenchCommand.NAMESPACE).list().getItems();
    var cps = client.resources(CapacityProvider.class).list().getItems();
    return fns.size() == functions
        && fns.stream()
            .allMatch(
                f ->
                    f.getStatus() != null
                        && "Ready".equals(Conditions.readyReason(f.getStatus().getConditions())))
        && cps.stream()
            .allMatch(
                c ->
                    c.getStatus() != null
                        && "Ready".equals(Conditions.readyReason(c.getStatus().getConditions())));
  }

  /** Lets in-flight work settle, then counts AWS calls over exactly one resync period. */
  Steady steadyStateResync(Duration resync) throws InterruptedException {
    Thread.sleep(Math.min(2000, resync.toMillis()));
    admin.resetCounters();
    Thread.sleep(resync.toMillis());
    return new Steady(admin.writeCalls(), admin.readCalls(), providers + functions);
  }
}
