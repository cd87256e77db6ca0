package dev.lmi.emulator.lambda;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lmi.emulator.http.Request;
import dev.lmi.emulator.http.Response;

/** Put/GetFunctionScalingConfig: per published version, Requested until settled, then Applied. */
final class ScalingApi {
  private final LambdaState s;
  private final Provisioner provisioner;

  ScalingApi(LambdaState state, Provisioner provisioner) {
    this.s = state;
    this.provisioner = provisioner;
  }

  Response put(Request r) {
    var requested = requested(r);
    synchronized (s) {
      s.settle();
      var fn = lmiFunction(r);
      var version = version(fn, r.query().get("Qualifier"));
      var state = version.state();
      if (state.equals("Pending") || state.equals("Deleting") || version.transition != null) {
        throw LambdaErrors.conflict(
            "The function version "
                + version.version
                + " is currently in the following state: "
                + state
                + ". Try again when the version is Active.");
      }
      var wasOff = state.equals("Deactivated");
      version.scaling.requested = requested;
      version.scaling.settleAt = Clock.after(s.timings.scalingSettle());
      s.unsettled(fn);
      if (version.scaling.deactivates() && !wasOff) {
        deactivate(version);
      } else if (!version.scaling.deactivates() && wasOff) {
        version.setState("Pending", "Restoring", "The function version is being reactivated.");
        provisioner.provision(fn, version, false);
      }
      return Json.ok(202, Json.object().put("FunctionState", version.state()));
    }
  }

  /** The validated config to request; an absent config resets to the default (Min 3). */
  private static ObjectNode requested(Request r) {
    var config = Json.body(r).path("FunctionScalingConfig");
    var v = validator(r);
    var min = Json.integer(config, "MinExecutionEnvironments");
    var max = Json.integer(config, "MaxExecutionEnvironments");
    v.range(min, "functionScalingConfig.minExecutionEnvironments", 0, 15000);
    v.range(max, "functionScalingConfig.maxExecutionEnvironments", 0, 15000);
    v.throwIfInvalid();
    if (min != null && max != null && min > max) {
      throw LambdaErrors.invalid(
          "MinExecutionEnvironments ("
              + min
              + ") must be less than or equal to MaxExecutionEnvironments ("
              + max
              + ").");
    }
    var requested = config.isObject() ? ((ObjectNode) config).deepCopy() : Json.object();
    if (!requested.has("MinExecutionEnvironments")) {
      requested.put("MinExecutionEnvironments", 3);
    }
    return requested;
  }

  Response get(Request r) {
    validator(r).throwIfInvalid();
    synchronized (s) {
      s.settle();
      var fn = lmiFunction(r);
      var version = version(fn, r.query().get("Qualifier"));
      var out = Json.object().put("FunctionArn", s.qualifiedArn(fn.name, version.version));
      out.set("AppliedFunctionScalingConfig", version.scaling.applied);
      if (version.scaling.requested != null) {
        out.set("RequestedFunctionScalingConfig", version.scaling.requested);
      }
      return Json.ok(200, out);
    }
  }

  private void deactivate(FunctionVersion version) {
    version.setState("Deactivating", null, null);
    var due = Clock.after(s.timings.scalingSettle());
    version.transition =
        new Transition(
            due,
            null,
            () -> {
              version.release();
              version.setState("Deactivated", null, null);
            });
  }

  private static Validator validator(Request r) {
    var v = new Validator();
    v.string(r.param("FunctionName"), "functionName", 1, 140, Patterns.UNQUALIFIED_FUNCTION_NAME);
    var q = r.query().get("Qualifier");
    if (q == null) {
      v.required(null, "qualifier");
    }
    v.string(q, "qualifier", 1, 128, Patterns.PUBLISHED_QUALIFIER);
    return v;
  }

  private LambdaFunction lmiFunction(Request r) {
    var fn = s.function(r.param("FunctionName"));
    if (!fn.lmi) {
      throw LambdaErrors.accessDenied(
          "The function provided by the arn does not contain a capacity provider configuration");
    }
    return fn;
  }

  private FunctionVersion version(LambdaFunction fn, String qualifier) {
    var version = fn.versions.get(qualifier);
    if (version == null || version.scaling == null) {
      throw LambdaErrors.functionNotFound(s.qualifiedArn(fn.name, qualifier));
    }
    return version;
  }
}
