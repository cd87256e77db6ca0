package dev.lmi.operator.reconciler;

import dev.lmi.operator.api.Api;
import dev.lmi.operator.api.CapacityProvider;
import dev.lmi.operator.api.CapacityProviderStatus;
import dev.lmi.operator.aws.DeleteOutcome;
import dev.lmi.operator.aws.RegionalGateways;
import java.time.Duration;

/**
 * Deletes a capacity provider from AWS once no function version is attached (naming the functions
 * that hold it meanwhile), only when its owner tag names this object; or, with deletionPolicy
 * Retain, leaves it and releases it to its name.
 */
final class ProviderCleanup {
  private final RegionalGateways aws;
  private final EventRecorder events;
  private final OperatorSettings settings;
  private final ProviderClaims claims;
  private final ProviderNetworkSteps network;
  private final FunctionDirectory directory;

  ProviderCleanup(
      RegionalGateways aws,
      EventRecorder events,
      OperatorSettings settings,
      ProviderClaims claims,
      FunctionDirectory directory) {
    this.aws = aws;
    this.events = events;
    this.settings = settings;
    this.claims = claims;
    this.network = new ProviderNetworkSteps(events, settings);
    this.directory = directory;
  }

  DeleteOutcome delete(CapacityProvider cp, CapacityProviderStatus st) {
    var gw = aws.forRegion(ProviderSteps.region(cp, aws));
    var observed = gw.providers().get(cp.awsName());
    if (observed.isEmpty()) {
      network.deleteEndpoints(cp, st, gw);
      events.normal(cp, "Deleted", "capacity provider " + cp.awsName() + " is gone from AWS");
      return DeleteOutcome.gone();
    }
    var tags = gw.providers().tags(observed.get().arn());
    if (!claims.deletable(cp, tags)) {
      var found = tags.get(Api.OWNER_TAG);
      events.normal(
          cp,
          "Retained",
          "capacity provider "
              + cp.awsName()
              + (found == null ? " has no owner tag" : " is owned by " + Ownership.describe(found))
              + "; left in AWS");
      return DeleteOutcome.gone();
    }
    if (observed.get().deleting()) {
      return DeleteOutcome.deleting();
    }
    var result = gw.providers().delete(cp.awsName());
    if (result.kind() == DeleteOutcome.Kind.BLOCKED) {
      var attached = gw.providers().attachedVersions(cp.awsName());
      return DeleteOutcome.blocked(
          AttachedFunctions.describe(
              cp.awsName(), attached, directory.byAwsName(cp.getMetadata().getName())));
    }
    events.normal(cp, "Deleting", "deleting capacity provider " + cp.awsName());
    return DeleteOutcome.deleting();
  }

  Duration deletePoll(DeleteOutcome result) {
    return result.kind() == DeleteOutcome.Kind.BLOCKED
        ? settings.poll().multipliedBy(3)
        : settings.poll();
  }

  /** deletionPolicy Retain: leaves the provider, released to the next object of the same name. */
  void retained(CapacityProvider cp) {
    var gw = aws.forRegion(ProviderSteps.region(cp, aws));
    gw.providers().get(cp.awsName()).ifPresent(v -> claims.release(cp, gw, v.arn()));
    events.normal(
        cp,
        "Retained",
        "deletionPolicy Retain: capacity provider " + cp.awsName() + " left in AWS");
  }
}
