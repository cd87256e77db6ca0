package dev.lmi.emulator.lambda;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lmi.emulator.http.Request;
import dev.lmi.emulator.http.Response;
import java.util.ArrayList;
import java.util.List;

/** Create/Get/Update/Delete/List of capacity providers (the /2025-11-30/ operations). */
final class CapacityProviderApi {
  private static final int MAX_PROVIDERS = 1000;
  private final LambdaState s;

  CapacityProviderApi(LambdaState state) {
    this.s = state;
  }

  Response create(Request r) {
    var body = Json.body(r);
    synchronized (s) {
      throttleWrite();
      s.settle();
      ProviderValidation.create(body);
      var name = LambdaState.providerName(Json.text(body, "CapacityProviderName"));
      if (s.providers.containsKey(name)) {
        throw LambdaErrors.conflict("Capacity provider already exists: " + s.providerArn(name));
      }
      if (s.providers.size() >= MAX_PROVIDERS) {
        throw LambdaErrors.providerLimit();
      }
      var cp = new CapacityProvider(name, s.providerArn(name), ++s.sequence, spec(name, body));
      s.providers.put(name, cp);
      if (body.hasNonNull("Tags")) {
        s.tags.put(cp.arn, Tags.toMap(body.get("Tags")));
      }
      becomeActiveLater(cp);
      return wrap(202, cp);
    }
  }

  Response get(Request r) {
    synchronized (s) {
      s.settle();
      return wrap(200, find(r.param("CapacityProviderName")));
    }
  }

  Response update(Request r) {
    var body = Json.body(r);
    synchronized (s) {
      throttleWrite();
      s.settle();
      ProviderValidation.update(body);
      var cp = find(r.param("CapacityProviderName"));
      if (!cp.state.equals("Active") && !cp.state.equals("Failed")) {
        throw LambdaErrors.conflict(
            "The capacity provider "
                + cp.arn
                + " is currently in the following state: "
                + cp.state);
      }
      for (var field :
          List.of("CapacityProviderScalingConfig", "PropagateTags", "TelemetryConfig")) {
        if (body.hasNonNull(field)) {
          cp.spec.set(field, body.get(field));
        }
      }
      cp.state = "Pending";
      cp.lastModified = Clock.timestamp();
      becomeActiveLater(cp);
      return wrap(202, cp);
    }
  }

  Response delete(Request r) {
    synchronized (s) {
      throttleWrite();
      s.settle();
      var cp = find(r.param("CapacityProviderName"));
      if (cp.state.equals("Deleting")) {
        return wrap(202, cp);
      }
      if (isAssociated(cp.arn)) {
        throw LambdaErrors.conflict(
            "To delete this capacity provider, first remove its association with all function"
                + " versions: "
                + cp.arn);
      }
      cp.state = "Deleting";
      cp.lastModified = Clock.timestamp();
      cp.transition =
          new Transition(
              Clock.after(s.timings.capacityProviderTransition()),
              null,
              () -> {
                s.providers.remove(cp.name);
                s.tags.remove(cp.arn);
              });
      return wrap(202, cp);
    }
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
      var cp = find(r.param("CapacityProviderName"));
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

  private ObjectNode spec(String name, ObjectNode body) {
    var spec = Json.object();
    spec.set("VpcConfig", body.get("VpcConfig"));
    spec.set("PermissionsConfig", body.get("PermissionsConfig"));
    var ir =
        body.hasNonNull("InstanceRequirements")
            ? (ObjectNode) body.get("InstanceRequirements")
            : Json.object();
    if (!ir.has("Architectures")) {
      ir.putArray("Architectures").add("x86_64");
    }
    spec.set("InstanceRequirements", ir);
    var sc =
        body.hasNonNull("CapacityProviderScalingConfig")
            ? (ObjectNode) body.get("CapacityProviderScalingConfig")
            : Json.object();
    if (!sc.has("ScalingMode")) {
      sc.put("ScalingMode", "Auto");
    }
    if (!sc.has("MaxVCpuCount")) {
      sc.put("MaxVCpuCount", 400);
    }
    spec.set("CapacityProviderScalingConfig", sc);
    for (var field : List.of("KmsKeyArn", "PropagateTags", "TelemetryConfig")) {
      if (body.hasNonNull(field)) {
        spec.set(field, body.get(field));
      }
    }
    return spec;
  }

  private void becomeActiveLater(CapacityProvider cp) {
    var due = Clock.after(s.timings.capacityProviderTransition());
    cp.transition = new Transition(due, null, () -> cp.state = "Active");
  }

  /** True while any version (of any function, even one being deleted) is on this provider. */
  private boolean isAssociated(String arn) {
    return s.functions.values().stream()
        .flatMap(f -> f.versions.values().stream())
        .anyMatch(v -> arn.equals(v.providerArn()));
  }

  private void throttleWrite() {
    if (!s.timings.providerWriteRateLimit()) {
      return;
    }
    var waitMs = s.providerWrites.tryTake();
    if (waitMs > 0) {
      throw LambdaErrors.tooManyRequests(
          "Rate exceeded: capacity provider write operations are limited to 1 request per second.",
          "CallerRateLimitExceeded",
          Math.max(1, (waitMs + 999) / 1000));
    }
  }

  CapacityProvider find(String label) {
    var v = new Validator();
    v.string(label, "capacityProviderName", 1, 140, Patterns.PROVIDER_NAME_OR_ARN);
    v.throwIfInvalid();
    var cp = s.providers.get(LambdaState.providerName(label));
    if (cp == null) {
      throw LambdaErrors.notFound(
          "Capacity provider not found: " + s.providerArn(LambdaState.providerName(label)));
    }
    return cp;
  }

  private static Response wrap(int status, CapacityProvider cp) {
    var out = Json.object();
    out.set("CapacityProvider", cp.toJson());
    return Json.ok(status, out);
  }
}
