package dev.lmi.sandbox.kube;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIGroupBuilder;
import io.fabric8.kubernetes.api.model.APIGroupListBuilder;
import io.fabric8.kubernetes.api.model.APIResourceListBuilder;
import io.fabric8.kubernetes.api.model.APIVersionsBuilder;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscovery;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.VersionInfo;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The discovery and OpenAPI answers kubectl needs before it touches a custom resource, registered
 * as mock expectations (the mock's own answers are a List of every stored object).
 */
public final class Discovery {
  static final List<String> VERBS =
      List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");

  private Discovery() {}

  /** Registers the stubs for the given CRDs (a snapshot: CRDs created later are not listed). */
  public static void register(KubernetesMockServer server, List<CustomResourceDefinition> crds) {
    var version =
        new VersionInfo.Builder()
            .withMajor("1")
            .withMinor("32")
            .withGitVersion("v1.32.0")
            .withPlatform("linux/amd64")
            .build();
    server.setVersionInfo(version);
    stub(server, "/api", coreVersions());
    stub(server, "/api/v1", coreResources());
    stub(server, "/apis", groups(byGroupVersion(crds).keySet()));
    stub(server, "/apis/apiextensions.k8s.io/v1", crdResources());
    byGroupVersion(crds).forEach((gv, list) -> stub(server, "/apis/" + gv, resources(gv, list)));
    // An empty body is an empty protobuf OpenAPI v2 document: kubectl's validation then skips.
    server.expect().get().withPath("/openapi/v2").andReturn(200, "").always();
  }

  private static void stub(KubernetesMockServer server, String path, Object body) {
    server.expect().get().withPath(path).andReturn(200, body).always();
  }

  private static Object coreVersions() {
    return new APIVersionsBuilder()
        .withVersions("v1")
        .addNewServerAddressByClientCIDR("0.0.0.0/0", "127.0.0.1")
        .build();
  }

  /** The core kinds the local API stores: what kubectl create namespace|configmap|secret make. */
  private static Object coreResources() {
    var list = new APIResourceListBuilder().withGroupVersion("v1");
    core(list, "namespaces", "Namespace", false, "ns");
    core(list, "events", "Event", true, "ev");
    core(list, "configmaps", "ConfigMap", true, "cm");
    core(list, "secrets", "Secret", true);
    return list.build();
  }

  private static void core(
      APIResourceListBuilder list,
      String plural,
      String kind,
      boolean namespaced,
      String... shortNames) {
    list.addNewResource()
        .withName(plural)
        .withSingularName(kind.toLowerCase(java.util.Locale.ROOT))
        .withKind(kind)
        .withNamespaced(namespaced)
        .withVerbs(
            namespaced
                ? VERBS
                : List.of("create", "delete", "get", "list", "patch", "update", "watch"))
        .withShortNames(shortNames)
        .endResource();
  }

  private static Object crdResources() {
    return new APIResourceListBuilder()
        .withGroupVersion("apiextensions.k8s.io/v1")
        .addNewResource()
        .withName("customresourcedefinitions")
        .withSingularName("customresourcedefinition")
        .withKind("CustomResourceDefinition")
        .withNamespaced(false)
        .withVerbs(VERBS)
        .withShortNames("crd", "crds")
        .endResource()
        .build();
  }

  private static Object groups(Iterable<String> groupVersions) {
    var groups = new APIGroupListBuilder().addToGroups(group("apiextensions.k8s.io", "v1"));
    for (var gv : groupVersions) {
      groups.addToGroups(group(gv.split("/")[0], gv.split("/")[1]));
    }
    return groups.build();
  }

  private static Object resources(String gv, List<CustomResourceDefinition> crds) {
    var list = new APIResourceListBuilder().withGroupVersion(gv);
    for (var crd : crds) {
      var n = crd.getSpec().getNames();
      var namespaced = "Namespaced".equals(crd.getSpec().getScope());
      list.addNewResource()
          .withName(n.getPlural())
          .withSingularName(n.getSingular())
          .withKind(n.getKind())
          .withNamespaced(namespaced)
          .withVerbs(VERBS)
          .withShortNames(n.getShortNames())
          .withCategories(n.getCategories())
          .endResource();
      list.addNewResource()
          .withName(n.getPlural() + "/status")
          .withSingularName("")
          .withKind(n.getKind())
          .withNamespaced(namespaced)
          .withVerbs("get", "patch", "update")
          .endResource();
    }
    return list.build();
  }

  private static Map<String, List<CustomResourceDefinition>> byGroupVersion(
      List<CustomResourceDefinition> crds) {
    var byGv = new TreeMap<String, List<CustomResourceDefinition>>();
    for (var crd : crds) {
      for (var v : crd.getSpec().getVersions()) {
        byGv.computeIfAbsent(crd.getSpec().getGroup() + "/" + v.getName(), k -> new ArrayList<>())
            .add(crd);
      }
    }
    return byGv;
  }

  private static APIGroup group(String name, String version) {
    var gv = new GroupVersionForDiscovery(name + "/" + version, version);
    return new APIGroupBuilder().withName(name).withVersions(gv).withPreferredVersion(gv).build();
  }
}
