package dev.lmi.operator.helm;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One Kubernetes API request seen as RBAC sees it: API group, resource (with /subresource), verb,
 * namespace and object name.
 */
record ApiCall(String group, String resource, String verb, String namespace, String name) {

  /** The RBAC triple, e.g. "lmi.dev lmifunctions/status patch". */
  String triple() {
    return (group.isEmpty() ? "\"\"" : group) + " " + resource + " " + verb;
  }

  /** Maps an HTTP method and request path (with query) the way the API server's RBAC does. */
  static ApiCall of(String method, String pathAndQuery) {
    var q = pathAndQuery.indexOf('?');
    var path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
    var query =
        q < 0 ? "" : URLDecoder.decode(pathAndQuery.substring(q + 1), StandardCharsets.UTF_8);
    var parts = Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
    String group;
    int at;
    if (parts.get(0).equals("api")) {
      group = "";
      at = 2; // api/v1
    } else if (parts.get(0).equals("apis")) {
      group = parts.get(1);
      at = 3; // apis/<group>/<version>
    } else {
      throw new IllegalArgumentException("not a resource path: " + pathAndQuery);
    }
    var rest = parts.subList(at, parts.size());
    String namespace = null;
    if (rest.size() >= 3 && rest.get(0).equals("namespaces")) {
      namespace = rest.get(1);
      rest = rest.subList(2, rest.size());
    }
    var resource = rest.get(0);
    var name = rest.size() > 1 ? rest.get(1) : null;
    if (rest.size() > 2) {
      resource = resource + "/" + rest.get(2);
    }
    var watch = Arrays.asList(query.split("&")).contains("watch=true");
    var verb =
        switch (method.toUpperCase()) {
          case "GET" -> name != null ? (watch ? "watch" : "get") : (watch ? "watch" : "list");
          case "POST" -> "create";
          case "PUT" -> "update";
          case "PATCH" -> "patch";
          case "DELETE" -> name != null ? "delete" : "deletecollection";
          default -> throw new IllegalArgumentException("unexpected method " + method);
        };
    return new ApiCall(group, resource, verb, namespace, name);
  }
}
