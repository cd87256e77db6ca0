package dev.lmi.emulator.lambda;

import dev.lmi.emulator.http.Request;
import dev.lmi.emulator.http.Response;
import java.util.List;

/** PublishVersion, and publishing as a side effect of CreateFunction/UpdateFunctionCode. */
final class PublishApi {
  static final String LATEST_PUBLISHED = "$LATEST.PUBLISHED";
  private static final int MAX_VERSIONS_PER_PROVIDER = 100;
  private final LambdaState s;
  private final Provisioner provisioner;

  PublishApi(LambdaState state) {
    this.s = state;
    this.provisioner = new Provisioner(state);
  }

  Response publishVersion(Request r) {
    var b = Json.body(r);
    var v = new Validator();
    v.oneOf(Json.text(b, "PublishTo"), "publishTo", List.of("LATEST_PUBLISHED"));
    v.throwIfInvalid();
    synchronized (s) {
      s.settle();
      var fn = s.function(r.param("FunctionName"));
      var latest = fn.latest();
      if (fn.deleting || latest.state().equals("Pending")) {
        throw LambdaErrors.inState(fn.deleting ? "Deleting" : "Pending");
      }
      if (latest.updateInProgress()) {
        throw LambdaErrors.updateInProgress(fn.arn);
      }
      guard(latest, Json.text(b, "RevisionId"), Json.text(b, "CodeSha256"));
      var published = publish(fn, Json.text(b, "PublishTo"), Json.text(b, "Description"));
      return Json.ok(201, published.config);
    }
  }

  private static void guard(FunctionVersion latest, String revisionId, String codeSha) {
    if (revisionId != null && !revisionId.equals(latest.config.path("RevisionId").asText())) {
      throw LambdaErrors.precondition(
          "The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias"
              + " API to retrieve the latest Revision Id");
    }
    var current = latest.config.path("CodeSha256").asText();
    if (codeSha != null && !codeSha.equals(current)) {
      throw LambdaErrors.precondition(
          "CodeSHA256 ("
              + codeSha
              + ") is different from current CodeSHA256 in $LATEST ("
              + current
              + "). Please try again with the current CodeSHA256.");
    }
  }

  /** Publishes the current $LATEST, or returns the last version when nothing changed. */
  FunctionVersion publish(LambdaFunction fn, String publishTo, String description) {
    var latest = fn.latest();
    if ("LATEST_PUBLISHED".equals(publishTo)) {
      return publishLatestPublished(fn, latest);
    }
    var last = lastNumbered(fn);
    if (last != null && FunctionConfigs.fingerprint(latest.config).equals(last.sourceFingerprint)) {
      return last;
    }
    if (fn.lmi) {
      checkQuota(fn, latest.providerArn());
    }
    var number = Integer.toString(++fn.lastVersion);
    var version = newVersion(fn, latest, number, description);
    fn.versions.put(number, version);
    if (fn.lmi) {
      version.setState("Pending", "Creating", "The function version is being created.");
      version.scaling = ScalingState.initial();
      provisioner.provision(fn, version, false);
    }
    return version;
  }

  /** Publishing requested together with a code update: publishes the updated $LATEST. */
  void publishAfterUpdate(LambdaFunction fn, String publishTo) {
    publish(fn, publishTo, null);
  }

  private FunctionVersion publishLatestPublished(LambdaFunction fn, FunctionVersion latest) {
    var existing = fn.versions.get(LATEST_PUBLISHED);
    if (existing == null) {
      var version = newVersion(fn, latest, LATEST_PUBLISHED, null);
      fn.versions.put(LATEST_PUBLISHED, version);
      if (fn.lmi) {
        version.setState("Pending", "Creating", "The function version is being created.");
        version.scaling = ScalingState.initial();
        provisioner.provision(fn, version, false);
      }
      return version;
    }
    var fresh = newVersion(fn, latest, LATEST_PUBLISHED, null);
    fresh.config.put("State", existing.state());
    existing.config.setAll(fresh.config);
    existing.code = fresh.code;
    existing.sourceFingerprint = fresh.sourceFingerprint;
    if (!fn.lmi) {
      existing.closePool();
    } else {
      existing.setLastUpdate("InProgress", null, "The function version is being updated.");
      provisioner.provision(fn, existing, true);
    }
    return existing;
  }

  private FunctionVersion newVersion(
      LambdaFunction fn, FunctionVersion latest, String number, String description) {
    var config = latest.config.deepCopy();
    config.put("Version", number).put("FunctionArn", s.qualifiedArn(fn.name, number));
    if (description != null) {
      config.put("Description", description);
    }
    FunctionConfigs.touch(config);
    var version = new FunctionVersion(number, config, s.codes.snapshot(latest.code));
    version.sourceFingerprint = FunctionConfigs.fingerprint(latest.config);
    version.setState("Active", null, null);
    version.setLastUpdate("Successful", null, null);
    return version;
  }

  static FunctionVersion lastNumbered(LambdaFunction fn) {
    FunctionVersion last = null;
    for (var v : fn.versions.values()) {
      if (v.numbered
          && (last == null || Integer.parseInt(v.version) > Integer.parseInt(last.version))) {
        last = v;
      }
    }
    return last;
  }

  /** The 100 numbered versions per capacity provider quota ($LATEST.PUBLISHED not counted). */
  void checkQuota(LambdaFunction fn, String providerArn) {
    if (s.countVersionsOn(providerArn, v -> v.numbered) >= MAX_VERSIONS_PER_PROVIDER) {
      throw LambdaErrors.versionsLimit(providerArn);
    }
  }

  Provisioner provisioner() {
    return provisioner;
  }
}
