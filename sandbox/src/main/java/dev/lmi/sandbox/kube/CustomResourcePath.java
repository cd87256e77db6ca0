package dev.lmi.sandbox.kube;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A request path on a custom resource ({@code /apis/g/v[/namespaces/ns]/plural[/name[/sub]]}) with
 * the facts its CRD gives: the kind, the scope and whether status is a subresource.
 */
record CustomResourcePath(
    String group,
    String version,
    String namespace,
    String plural,
    String name,
    String subresource,
    JsonNode crd) {
  private static final Pattern PATH =
      Pattern.compile(
          "^/apis/([^/]+)/([^/]+)/(?:namespaces/([^/]+)/)?([^/]+)(?:/([^/]+)(?:/([^/]+))?)?$");

  /** The custom resource a path names, if its CRD is stored. */
  static Optional<CustomResourcePath> parse(String path, Store store) {
    var m = PATH.matcher(Query.pathOnly(path));
    if (!m.matches() || "apiextensions.k8s.io".equals(m.group(1))) {
      return Optional.empty();
    }
    var crd = store.crd(m.group(4), m.group(1));
    if (crd == null) {
      return Optional.empty();
    }
    return Optional.of(
        new CustomResourcePath(
            m.group(1), m.group(2), m.group(3), m.group(4), m.group(5), m.group(6), crd));
  }

  String kind() {
    return crd.path("spec").path("names").path("kind").asText();
  }

  boolean namespaced() {
    return "Namespaced".equals(crd.path("spec").path("scope").asText());
  }

  /** Whether this version has the status subresource (then writes keep spec and status apart). */
  boolean hasStatus() {
    for (var v : crd.path("spec").path("versions")) {
      if (v.path("name").asText().equals(version)) {
        return v.path("subresources").has("status");
      }
    }
    return false;
  }

  boolean isStatus() {
    return "status".equals(subresource);
  }

  String collectionPath() {
    var ns = namespace == null ? "" : "namespaces/" + namespace + "/";
    return "/apis/" + group + "/" + version + "/" + ns + plural;
  }

  String objectPath() {
    return collectionPath() + "/" + name;
  }

  CustomResourcePath named(String other) {
    return new CustomResourcePath(group, version, namespace, plural, other, null, crd);
  }
}
