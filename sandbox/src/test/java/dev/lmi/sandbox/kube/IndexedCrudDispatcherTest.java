package dev.lmi.sandbox.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The indexed dispatcher answers every request exactly as the stock fabric8 one does. */
class IndexedCrudDispatcherTest {

  @Test
  void answersCreatesPatchesUpdatesAndDeletesLikeTheStockDispatcher() {
    var stock = run(new KubernetesCrudDispatcher(), IndexedCrudDispatcherTest::script);
    var indexed = run(new IndexedCrudDispatcher(), IndexedCrudDispatcherTest::script);
    assertThat(indexed).isEqualTo(stock);
    // The script exercises what the index must get right, so the comparison means something.
    assertThat(stock)
        .contains(
            "create b/same: 409",
            "get a/same: v=1",
            "get b/same: v=3",
            "get a/relabelled: v=2 team=blue",
            "get a/gone: 404",
            "patch a/never: 404");
  }

  /** The same name in two namespaces, label changes, a conflict, a delete, a missing object. */
  private static List<String> script(KubernetesClient client) {
    var seen = new ArrayList<String>();
    for (var ns : List.of("a", "b")) {
      client
          .namespaces()
          .resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
          .create();
    }
    for (var i = 0; i < 50; i++) {
      client.configMaps().inNamespace("a").resource(map("a", "filler-" + i, "0")).create();
    }
    client.configMaps().inNamespace("a").resource(map("a", "same", "1")).create();
    client.configMaps().inNamespace("b").resource(map("b", "same", "2")).create();
    seen.add("create b/same: " + status(() -> client.resource(map("b", "same", "9")).create()));
    client
        .configMaps()
        .inNamespace("b")
        .withName("same")
        .patch(
            PatchContext.of(PatchType.JSON),
            "[{\"op\":\"replace\",\"path\":\"/data/v\",\"value\":\"3\"}]");
    client.configMaps().inNamespace("a").resource(map("a", "relabelled", "1")).create();
    var relabelled = map("a", "relabelled", "2");
    relabelled.getMetadata().setLabels(Map.of("team", "blue"));
    client.configMaps().inNamespace("a").resource(relabelled).update();
    client.configMaps().inNamespace("a").resource(map("a", "gone", "1")).create();
    client.configMaps().inNamespace("a").withName("gone").delete();
    seen.add(
        "patch a/never: "
            + status(
                () ->
                    client
                        .configMaps()
                        .inNamespace("a")
                        .withName("never")
                        .patch(PatchContext.of(PatchType.JSON), "[]")));
    for (var name : List.of("a/same", "b/same", "a/relabelled", "a/gone", "a/filler-49")) {
      var parts = name.split("/");
      var found = client.configMaps().inNamespace(parts[0]).withName(parts[1]).get();
      seen.add("get " + name + ": " + (found == null ? "404" : describe(found)));
    }
    seen.add("list a: " + client.configMaps().inNamespace("a").list().getItems().size());
    seen.add(
        "list team=blue: "
            + client
                .configMaps()
                .inAnyNamespace()
                .withLabel("team", "blue")
                .list()
                .getItems()
                .size());
    return seen;
  }

  private static List<String> run(
      KubernetesCrudDispatcher dispatcher, Function<KubernetesClient, List<String>> script) {
    try (var api =
        KubeApi.start(KubeOptions.crud().withStore(dispatcher).withCrdsFrom(KubeApiTest.CRDS))) {
      return script.apply(api.client());
    }
  }

  private static ConfigMap map(String namespace, String name, String v) {
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withNamespace(namespace)
        .withName(name)
        .endMetadata()
        .addToData("v", v)
        .build();
  }

  private static String describe(ConfigMap found) {
    var labels = found.getMetadata().getLabels();
    return "v="
        + found.getData().get("v")
        + (labels == null || labels.isEmpty() ? "" : " team=" + labels.get("team"));
  }

  private static int status(Runnable call) {
    try {
      call.run();
      return 200;
    } catch (KubernetesClientException e) {
      return e.getCode();
    }
  }
}
