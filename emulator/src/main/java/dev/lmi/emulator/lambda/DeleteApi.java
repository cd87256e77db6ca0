package dev.lmi.emulator.lambda;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lmi.emulator.http.Request;
import dev.lmi.emulator.http.Response;
import java.util.ArrayList;
import java.util.Comparator;

/** DeleteFunction (whole function or one version) and ListVersionsByFunction. */
final class DeleteApi {
  private final LambdaState s;

  DeleteApi(LambdaState state) {
    this.s = state;
  }

  Response delete(Request r) {
    synchronized (s) {
      s.settle();
      var label = r.param("FunctionName");
      var fn = s.function(label);
      var qualifier = Names.qualifier(label, r.query().get("Qualifier"));
      if ("$LATEST".equals(qualifier)) {
        throw LambdaErrors.invalid(
            "$LATEST version cannot be deleted without deleting the function.");
      }
      if (qualifier != null) {
        return deleteVersion(fn, qualifier);
      }
      if (!fn.lmi) {
        s.dropFunction(fn);
        return Response.empty(204);
      }
      if (!fn.deleting) {
        fn.deleting = true;
        fn.aliases.clear();
        fn.versions.values().forEach(DeleteApi::markDeleting);
        var due = Clock.after(s.timings.functionDelete());
        fn.deletion = new Transition(due, null, () -> s.dropFunction(fn));
        s.unsettled(fn);
      }
      return Response.empty(202);
    }
  }

  private Response deleteVersion(LambdaFunction fn, String qualifier) {
    var v = fn.versions.get(qualifier);
    if (v == null) {
      throw LambdaErrors.functionNotFound(s.qualifiedArn(fn.name, qualifier));
    }
    var referencing = aliasesUsing(fn, qualifier);
    if (!referencing.isEmpty()) {
      throw LambdaErrors.conflict(
          "Unable to delete version because the following aliases reference it: " + referencing);
    }
    if (!fn.lmi) {
      v.closePool();
      fn.versions.remove(qualifier);
      return Response.empty(204);
    }
    if (!v.state().equals("Deleting")) {
      markDeleting(v);
      var due = Clock.after(s.timings.functionDelete());
      v.transition = new Transition(due, null, () -> fn.versions.remove(qualifier));
      s.unsettled(fn);
    }
    return Response.empty(202);
  }

  /** Names of aliases whose primary version or routing weight uses this version. */
  private static java.util.List<String> aliasesUsing(LambdaFunction fn, String version) {
    return fn.aliases.entrySet().stream()
        .filter(
            e -> {
              var alias = e.getValue();
              return alias.path("FunctionVersion").asText().equals(version)
                  || alias.path("RoutingConfig").path("AdditionalVersionWeights").has(version);
            })
        .map(java.util.Map.Entry::getKey)
        .toList();
  }

  private static void markDeleting(FunctionVersion v) {
    v.setState("Deleting", null, null);
    v.transition = null;
    v.release();
  }

  Response listVersions(Request r) {
    var maxItems = ListParams.maxItems(r, 10000);
    synchronized (s) {
      s.settle();
      var fn = s.function(r.param("FunctionName"));
      var versions = new ArrayList<>(fn.versions.values());
      versions.sort(Comparator.comparingLong(DeleteApi::order));
      var configs = new ArrayList<ObjectNode>();
      versions.forEach(v -> configs.add(v.config));
      var page = Pager.page(configs, r.query().get("Marker"), maxItems, 50);
      var out = Json.object();
      out.putArray("Versions").addAll(page.items());
      if (page.nextMarker() != null) {
        out.put("NextMarker", page.nextMarker());
      }
      return Json.ok(200, out);
    }
  }

  private static long order(FunctionVersion v) {
    return switch (v.version) {
      case "$LATEST" -> -2;
      case PublishApi.LATEST_PUBLISHED -> -1;
      default -> Long.parseLong(v.version);
    };
  }
}
