package dev.lmi.emulator.lambda;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lmi.emulator.http.Request;
import dev.lmi.emulator.http.Response;

/** CreateFunction, GetFunction(Configuration), UpdateFunctionConfiguration/Code. */
final class FunctionApi {
  private final LambdaState s;
  private final PublishApi publisher;

  FunctionApi(LambdaState state, PublishApi publisher) {
    this.s = state;
    this.publisher = publisher;
  }

  Response create(Request r) {
    var b = Json.body(r);
    FunctionValidation.create(b);
    var publish = b.path("Publish").asBoolean(false);
    synchronized (s) {
      s.settle();
      var fn = newFunction(b);
      var latest = fn.latest();
      if (fn.lmi && publish) {
        publisher.checkQuota(fn, latest.providerArn());
      }
      s.functions.put(fn.name, fn);
      s.onProvider(fn);
      if (b.hasNonNull("Tags")) {
        s.tags.put(fn.arn, Tags.toMap(b.get("Tags")));
      }
      settleLatestLater(fn, latest);
      if (publish) {
        // With Publish the response describes the new version under the function's ARN (as moto
        // answers too): Version "1", the version's State.
        var version = publisher.publish(fn, Json.text(b, "PublishTo"), null);
        return Json.ok(201, version.config.deepCopy().put("FunctionArn", fn.arn));
      }
      return Json.ok(201, latest.config);
    }
  }

  /** Checks the request against existing state and builds the function with a Pending $LATEST. */
  private LambdaFunction newFunction(ObjectNode b) {
    var name = Names.parseFunctionName(Json.text(b, "FunctionName"))[0];
    if (s.functions.containsKey(name)) {
      throw LambdaErrors.conflict("Function already exist: " + name);
    }
    var zip = !"Image".equals(b.path("PackageType").asText("Zip"));
    if (zip && (!b.hasNonNull("Runtime") || !b.hasNonNull("Handler"))) {
      throw LambdaErrors.invalid(
          "Runtime and Handler are mandatory parameters for functions created with deployment"
              + " packages.");
    }
    var code = s.codes.resolve(b.get("Code"), Json.text(b, "Runtime"));
    var config = FunctionConfigs.create(s, name, b, code);
    var lmi = b.hasNonNull("CapacityProviderConfig");
    if (lmi) {
      LmiRules.check(s, config);
    }
    var fn = new LambdaFunction(name, s.functionArn(name), lmi);
    var latest = new FunctionVersion("$LATEST", config, code);
    latest.setState("Pending", "Creating", "The function is being created.");
    fn.versions.put("$LATEST", latest);
    return fn;
  }

  Response updateConfiguration(Request r) {
    var b = Json.body(r);
    FunctionValidation.updateConfiguration(b);
    synchronized (s) {
      s.settle();
      var fn = s.function(r.param("FunctionName"));
      var latest = fn.latest();
      checkUpdatable(fn, latest, Json.text(b, "RevisionId"));
      if (!fn.lmi && b.hasNonNull("CapacityProviderConfig")) {
        throw LambdaErrors.invalid(
            "CapacityProviderConfig isn't supported for Lambda Default functions.");
      }
      var candidate = latest.config.deepCopy();
      FunctionConfigs.apply(candidate, b);
      if (fn.lmi) {
        LmiRules.check(s, candidate);
      }
      latest.config.setAll(candidate);
      s.onProvider(fn);
      startUpdate(fn, latest);
      return Json.ok(200, latest.config);
    }
  }

  Response updateCode(Request r) {
    var b = Json.body(r);
    FunctionValidation.updateCode(b);
    synchronized (s) {
      s.settle();
      var fn = s.function(r.param("FunctionName"));
      var latest = fn.latest();
      checkUpdatable(fn, latest, Json.text(b, "RevisionId"));
      var code = s.codes.resolve(b, latest.config.path("Runtime").asText(null));
      var candidate = latest.config.deepCopy();
      if (b.hasNonNull("Architectures")) {
        candidate.set("Architectures", b.get("Architectures"));
      }
      if (fn.lmi) {
        LmiRules.check(s, candidate);
      }
      if (b.path("DryRun").asBoolean(false)) {
        return Json.ok(200, candidate);
      }
      latest.config.setAll(candidate);
      latest.code = code;
      FunctionConfigs.setCode(latest.config, code);
      startUpdate(fn, latest);
      var out = latest.config.deepCopy();
      if (b.path("Publish").asBoolean(false)) {
        publisher.publishAfterUpdate(fn, Json.text(b, "PublishTo"));
      }
      return Json.ok(200, out);
    }
  }

  /** Rejects a change while the function is being created, updated or deleted. */
  void checkUpdatable(LambdaFunction fn, FunctionVersion latest, String revisionId) {
    if (fn.deleting || latest.state().equals("Pending")) {
      throw LambdaErrors.inState(fn.deleting ? "Deleting" : "Pending");
    }
    if (latest.updateInProgress()) {
      throw LambdaErrors.updateInProgress(fn.arn);
    }
    if (revisionId != null && !revisionId.equals(latest.config.path("RevisionId").asText())) {
      throw LambdaErrors.precondition(
          "The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias"
              + " API to retrieve the latest Revision Id");
    }
  }

  /** New code or configuration: $LATEST re-initialises on its next (standard) invoke. */
  private void startUpdate(LambdaFunction fn, FunctionVersion latest) {
    latest.closePool();
    FunctionConfigs.touch(latest.config);
    latest.setLastUpdate("InProgress", null, "The function is being updated.");
    var due = Clock.after(s.timings.functionUpdate());
    latest.transition =
        new Transition(due, null, () -> latest.setLastUpdate("Successful", null, null));
    s.unsettled(fn);
  }

  private void settleLatestLater(LambdaFunction fn, FunctionVersion latest) {
    var due = Clock.after(s.timings.functionUpdate());
    latest.transition =
        new Transition(
            due,
            null,
            () -> {
              latest.setState(fn.lmi ? "ActiveNonInvocable" : "Active", null, null);
              latest.setLastUpdate("Successful", null, null);
            });
    s.unsettled(fn);
  }
}
