package dev.lmi.emulator.lambda;

import dev.lmi.emulator.http.Request;
import dev.lmi.emulator.http.Response;
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
      var name = Names.providerName(Json.text(body, "CapacityProviderName"));
      if (s.providers.containsKey(name)) {
        throw LambdaErrors.conflict("Capacity provider already exists: " + s.providerArn(name));
      }
      if (s.providers.size() >= MAX_PROVIDERS) {
        throw LambdaErrors.providerLimit();
      }
      var cp =
          new CapacityProvider(
              name, s.providerArn(name), ++s.sequence, ProviderSpecs.fromCreate(body));
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

  private void becomeActiveLater(CapacityProvider cp) {
    var due = Clock.after(s.timings.capacityProviderTransition());
    var outcome = s.failNextProvider.remove(cp.name) ? "Failed" : "Active";
    cp.transition = new Transition(due, null, () -> cp.state = outcome);
  }

  /** True while any version (of any function, even one being deleted) is on this provider. */
  private boolean isAssociated(String arn) {
    return s.countVersionsOn(arn, v -> true) > 0;
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
    var cp = s.providers.get(Names.providerName(label));
    if (cp == null) {
      throw LambdaErrors.notFound(
          "Capacity provider not found: " + s.providerArn(Names.providerName(label)));
    }
    return cp;
  }

  private static Response wrap(int status, CapacityProvider cp) {
    var out = Json.object();
    out.set("CapacityProvider", cp.toJson());
    return Json.ok(status, out);
  }
}
