package dev.lmi.emulator.lambda;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lmi.emulator.http.Request;
import dev.lmi.emulator.http.Response;
import java.util.ArrayList;

/** ListCapacityProviders and ListFunctionVersionsByCapacityProvider. */
final class CapacityProviderLists {
  private final LambdaState s;
  private final CapacityProviderApi providers;

  CapacityProviderLists(LambdaState state, CapacityProviderApi providers) {
    this.s = state;
    this.providers = providers;
  }

  Response list(Request r) {
    var stateFilter = r.query().get("State");
    var maxItems = ListParams.maxItems(r, 50);
    var v = new Validator();
    v.oneOf(stateFilter, "state", Patterns.PROVIDER_STATES);
    v.throwIfInvalid();
    synchronized (s) {
      s.settle();
      var all =
          s.providers.values().stream()
              .filter(cp -> stateFilter == null || cp.state.equals(stateFilter))
              .map(CapacityProvider::toJson)
              .toList();
      var page = Pager.page(all, r.query().get("Marker"), maxItems, 50);
      var out = Json.object();
      out.putArray("CapacityProviders").addAll(page.items());
      if (page.nextMarker() != null) {
        out.put("NextMarker", page.nextMarker());
      }
      return Json.ok(200, out);
    }
  }

  Response listFunctionVersions(Request r) {
    var maxItems = ListParams.maxItems(r, 50);
    synchronized (s) {
      s.settle();
      var cp = providers.find(r.param("CapacityProviderName"));
      var items = new ArrayList<ObjectNode>();
      for (var fn : s.functions.values()) {
        for (var v : fn.versions.values()) {
          if (!v.version.equals("$LATEST") && cp.arn.equals(v.providerArn())) {
            var item = Json.object().put("FunctionArn", s.qualifiedArn(fn.name, v.version));
            items.add(item.put("State", v.state()));
          }
        }
      }
      var page = Pager.page(items, r.query().get("Marker"), maxItems, 50);
      var out = Json.object().put("CapacityProviderArn", cp.arn);
      out.putArray("FunctionVersions").addAll(page.items());
      if (page.nextMarker() != null) {
        out.put("NextMarker", page.nextMarker());
      }
      return Json.ok(200, out);
    }
  }
}
