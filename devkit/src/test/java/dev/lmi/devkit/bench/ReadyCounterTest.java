package dev.lmi.devkit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lmi.operator.api.LmiFunction;
import dev.lmi.operator.api.LmiFunctionStatus;
import dev.lmi.operator.status.Conditions;
import dev.lmi.operator.status.Outcome;
import dev.lmi.operator.status.Reason;
import dev.lmi.sandbox.kube.IndexedCrudDispatcher;
import dev.lmi.sandbox.kube.KubeApi;
import dev.lmi.sandbox.kube.KubeOptions;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The benchmark's readiness count, taken where the API server stores objects. */
class ReadyCounterTest {

  @Test
  void countsObjectsOnlyOnceTheApiServerStoresThemReady() throws InterruptedException {
    var store = new IndexedCrudDispatcher();
    try (var kube =
        KubeApi.start(KubeOptions.crud().withStore(store).withNamespaces("bench", "elsewhere"))) {
      var counter = new BenchRun.ReadyCounter("lmifunctions", "bench", 2);
      store.observe(counter);
      var client = kube.client();
      for (var name : new String[] {"a", "b"}) {
        client.resource(BenchResources.function("bench", name, "pool-0")).create();
      }
      client.resource(BenchResources.function("elsewhere", "c", "pool-0")).create();
      assertThat(counter.present()).isEqualTo(2);

      setReason(kube, "bench", "a", Outcome.ready("serving", Duration.ofMinutes(10)));
      setReason(kube, "elsewhere", "c", Outcome.ready("serving", Duration.ofMinutes(10)));
      setReason(kube, "bench", "b", Outcome.waiting(Reason.Publishing, "starting", null));
      assertThat(counter.await(System.nanoTime())).as("b is not Ready yet").isNegative();

      setReason(kube, "bench", "b", Outcome.ready("serving", Duration.ofMinutes(10)));
      assertThat(counter.await(System.nanoTime())).isPositive();
      assertThat(counter.firstReady()).containsOnlyKeys("a", "b");
      var aFirstReady = counter.firstReady().get("a");
      assertThat(counter.firstReady().get("b")).isGreaterThan(aFirstReady);

      setReason(kube, "bench", "a", Outcome.waiting(Reason.Updating, "new code", null));
      setReason(kube, "bench", "a", Outcome.ready("serving", Duration.ofMinutes(10)));
      assertThat(counter.firstReady().get("a")).as("the first time counts").isEqualTo(aFirstReady);
      assertThat(counter.firstReadyTimes()).hasSize(2).isSorted();

      client.resources(LmiFunction.class).inNamespace("bench").withName("a").delete();
      assertThat(counter.present()).isEqualTo(1);
    }
  }

  private static void setReason(KubeApi kube, String namespace, String name, Outcome o) {
    var fn = kube.client().resources(LmiFunction.class).inNamespace(namespace).withName(name).get();
    var status = new LmiFunctionStatus();
    status.setConditions(Conditions.ready(null, o, 1L, Clock.systemUTC()));
    fn.setStatus(status);
    kube.client().resource(fn).updateStatus();
  }
}
