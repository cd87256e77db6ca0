package dev.lmi.operator.reconciler;

import dev.lmi.operator.api.Api;
import dev.lmi.operator.api.LmiFunction;
import dev.lmi.operator.api.LmiFunctionStatus;
import dev.lmi.operator.aws.AwsErrors;
import dev.lmi.operator.aws.FunctionView;
import dev.lmi.operator.aws.Gateways;
import dev.lmi.operator.status.Outcome;
import dev.lmi.operator.status.Reason;
import java.util.ArrayList;
import java.util.Map;

/** Converges a function's $LATEST (create, configuration, code), then hands over to publishing. */
final class FunctionSteps {
  private final EventRecorder events;
  private final OperatorSettings settings;
  private final PublishSteps publish;
  private final FunctionClaims claims;

  FunctionSteps(EventRecorder events, OperatorSettings settings, FunctionClaims claims) {
    this.events = events;
    this.settings = settings;
    this.publish = new PublishSteps(events, settings);
    this.claims = claims;
  }

  Outcome converge(LmiFunction fn, LmiFunctionStatus st, Gateways gw, FunctionDesired desired) {
    st.setAwsName(desired.name());
    st.setCapacityProviderArn(desired.settings().capacityProviderArn());
    st.setAliasName(desired.alias());
    if (awaitingPublishOrScaling(fn, st, desired) && claims.verified(fn, st.getFunctionArn())) {
      // $LATEST already matched this generation when the publish or the scaling change started;
      // until it completes, only the version and the alias are watched. The next resync reads
      // $LATEST again, and any spec change (a new generation) does at once.
      return publish.converge(fn, st, gw, desired);
    }
    if (nothingRecorded(fn, st)) {
      // Nothing of this resource's function is on record, so it most likely does not exist: create
      // it without a read first. AWS refuses a name that is taken, and only then is it read.
      var created = AwsErrors.unlessConflict(() -> create(fn, st, gw, desired));
      if (created.isPresent()) {
        return created.get();
      }
    }
    var observed = gw.functions().get(desired.name());
    if (observed.isEmpty()) {
      return create(fn, st, gw, desired);
    }
    var view = observed.get();
    var refusal = claims.claim(fn, desired.name(), gw, view);
    if (refusal != null) {
      // The status names no function this object does not own, even one written into it.
      st.setFunctionArn(null);
      st.setAliasArn(null);
      return refusal;
    }
    st.setFunctionArn(view.arn());
    st.setState(view.state());
    st.setLastUpdateStatus(view.lastUpdateStatus());
    st.setCodeSha256(view.codeSha256());
    var latest = latest(fn, st, gw, desired, view);
    return latest != null ? latest : publish.converge(fn, st, gw, desired);
  }

  private static boolean awaitingPublishOrScaling(
      LmiFunction fn, LmiFunctionStatus st, FunctionDesired d) {
    return PublishSteps.lastEndedWith(fn, st, Reason.Publishing, Reason.ScalingInProgress)
        && st.getFunctionArn() != null
        && d.configHash().equals(st.getConfigHash())
        && d.configHash().equals(st.getPublishedHash());
  }

  /**
   * No function ARN is recorded, and the last look at this generation did not find the name held by
   * a function that is not ours (that finding is read again, never retried as a create).
   */
  private static boolean nothingRecorded(LmiFunction fn, LmiFunctionStatus st) {
    return st.getFunctionArn() == null
        && !PublishSteps.lastEndedWith(fn, st, Reason.NotOwned, Reason.NotLmiFunction);
  }

  private Outcome create(LmiFunction fn, LmiFunctionStatus st, Gateways gw, FunctionDesired d) {
    var created = gw.functions().create(d.name(), d.settings(), d.code(), d.tags());
    var view = created.function();
    claims.created(fn, view.arn());
    events.normal(fn, "Created", "created function " + view.arn());
    st.setFunctionArn(view.arn());
    st.setState(view.state());
    st.setCodeIdentity(d.codeIdentity());
    st.setConfigHash(d.configHash());
    // A function just created has no versions but the one its create may publish.
    st.setVersions(new ArrayList<>());
    if (created.version() != null) {
      // Its first version was published by the same call and starts while $LATEST is created.
      publish.published(fn, st, d, created.version());
    }
    return Outcome.waiting(
        Reason.Creating, "function " + d.name() + " is being created", settings.poll());
  }

  /** Brings $LATEST to the spec; returns an outcome while AWS is busy, null when it matches. */
  private Outcome latest(
      LmiFunction fn, LmiFunctionStatus st, Gateways gw, FunctionDesired d, FunctionView view) {
    if (!view.lmi()) {
      return FunctionClaims.notLmi(st.getAwsName());
    }
    if (view.updateInProgress()) {
      return Outcome.waiting(Reason.Updating, "AWS is applying the last update", settings.poll());
    }
    if (view.updateFailed() && d.configHash().equals(st.getConfigHash())) {
      return Outcome.terminal(
          Reason.UpdateFailed,
          "the last update failed: "
              + view.lastUpdateStatusReasonCode()
              + ": "
              + view.lastUpdateStatusReason()
              + "; change the spec to try again");
    }
    var diffs = d.settings().differencesFrom(view.settings());
    if (!diffs.isEmpty()) {
      gw.functions().updateSettings(d.name(), d.settings());
      events.normal(
          fn, "Updated", "updated configuration of " + d.name() + ": " + String.join(", ", diffs));
      st.setConfigHash(d.configHash());
      return Outcome.waiting(
          Reason.Updating, "applying " + String.join(", ", diffs), settings.poll());
    }
    var imageDrift = d.code().isImage() && !d.code().imageUri().equals(view.imageUri());
    var codeTag = FunctionDesired.codeTag(d.codeIdentity());
    if (!codeTag.equals(view.tags().get(Api.CODE_TAG)) || imageDrift) {
      // The applied code identity lives on the function as a tag, so neither a lost status write
      // nor a stale cache can trigger a needless code update.
      gw.functions().updateCode(d.name(), d.code(), d.settings().architecture());
      gw.functions().tag(view.arn(), Map.of(Api.CODE_TAG, codeTag));
      events.normal(fn, "UpdatedCode", "updated code of " + d.name() + " to " + d.codeIdentity());
      st.setCodeIdentity(d.codeIdentity());
      st.setConfigHash(d.configHash());
      return Outcome.waiting(Reason.Updating, "applying new code", settings.poll());
    }
    st.setCodeIdentity(d.codeIdentity());
    st.setConfigHash(d.configHash());
    return null;
  }
}
