package dev.lmi.operator.reconciler;

import dev.lmi.operator.api.Api;
import dev.lmi.operator.api.CapacityProvider;
import dev.lmi.operator.api.CapacityProviderStatus;
import dev.lmi.operator.aws.AwsTerminalException;
import dev.lmi.operator.aws.Gateways;
import dev.lmi.operator.aws.ProviderView;
import dev.lmi.operator.aws.RegionalGateways;
import dev.lmi.operator.status.Outcome;
import dev.lmi.operator.status.Reason;

/** The steps that converge one capacity provider; each returns where the provider stands. */
final class ProviderSteps {
  static final int VERSION_QUOTA = 100;
  private final RegionalGateways aws;
  private final EventRecorder events;
  private final OperatorSettings settings;
  private final ProviderNetworkSteps network;
  private final ProviderClaims claims;

  ProviderSteps(
      RegionalGateways aws,
      EventRecorder events,
      OperatorSettings settings,
      ProviderClaims claims) {
    this.aws = aws;
    this.events = events;
    this.settings = settings;
    this.network = new ProviderNetworkSteps(events, settings);
    this.claims = claims;
  }

  Outcome converge(CapacityProvider cp, CapacityProviderStatus st) {
    var region = region(cp, aws);
    var gw = aws.forRegion(region);
    st.setAwsName(cp.awsName());
    st.setRegion(region);
    var observed = gw.providers().get(cp.awsName());
    if (observed.isEmpty()) {
      return create(cp, st, gw, region);
    }
    var view = observed.get();
    // Not the status: whoever can write it could name another object's provider there.
    var readNow = !claims.verified(cp, view.arn());
    if (readNow) {
      var refusal = claim(cp, st, gw, region, view);
      if (refusal != null) {
        st.setArn(null);
        return refusal;
      }
    }
    st.setArn(view.arn());
    st.setState(view.state());
    st.setArchitecture(view.fixed().architecture());
    return existing(cp, st, gw, view, readNow);
  }

  private Outcome create(
      CapacityProvider cp, CapacityProviderStatus st, Gateways gw, String region) {
    var plan = network.resolve(cp, st, gw, region);
    if (plan.outcome() != null) {
      return plan.outcome();
    }
    var desired = ProviderDesired.of(cp, st.getSubnetIds(), st.getSecurityGroupIds(), owner(cp));
    var created =
        gw.providers().create(desired.name(), desired.fixed(), desired.tunables(), desired.tags());
    claims.created(cp, created.arn());
    events.normal(cp, "Created", "created capacity provider " + created.arn() + " in " + region);
    st.setArn(created.arn());
    st.setState(created.state());
    st.setArchitecture(desired.fixed().architecture());
    st.setVersionQuota(VERSION_QUOTA);
    return Outcome.waiting(
        Reason.Provisioning, "capacity provider is " + created.state(), settings.poll());
  }

  /**
   * Ownership of a provider found in AWS, by its owner tag: ours, adopted on request when it has no
   * owner tag, else refused (another object's, another cluster's, or untagged without the
   * annotation).
   */
  private Outcome claim(
      CapacityProvider cp,
      CapacityProviderStatus st,
      Gateways gw,
      String region,
      ProviderView view) {
    var found = claims.read(cp, gw, view.arn());
    if (found.claim() == Ownership.Claim.OURS) {
      return null;
    }
    var annotations = cp.getMetadata().getAnnotations();
    if (found.claim() != Ownership.Claim.UNTAGGED
        || annotations == null
        || !"true".equals(annotations.get(Api.ADOPT_ANNOTATION))) {
      return claims.refusal(cp, found.tag());
    }
    var plan = network.resolve(cp, st, gw, region);
    if (plan.outcome() != null && plan.outcome().reason() != Reason.MissingVpcEndpoints) {
      return plan.outcome();
    }
    var desired = ProviderDesired.of(cp, st.getSubnetIds(), st.getSecurityGroupIds(), owner(cp));
    var diffs = desired.fixed().differencesFrom(view.fixed());
    if (!diffs.isEmpty()) {
      return Outcome.terminal(
          Reason.AdoptionConflict,
          "cannot adopt "
              + cp.awsName()
              + ": create-only settings differ from AWS: "
              + String.join(", ", diffs));
    }
    claims.adopt(cp, gw, view.arn());
    events.normal(cp, "Adopted", "adopted existing capacity provider " + view.arn());
    st.setAdopted(true);
    st.setVersionQuota(VERSION_QUOTA);
    return null;
  }

  private Outcome existing(
      CapacityProvider cp,
      CapacityProviderStatus st,
      Gateways gw,
      ProviderView view,
      boolean ownerReadNow) {
    if (view.failed()) {
      return Outcome.terminal(
          Reason.ProviderFailed,
          "AWS reports the capacity provider as Failed; delete and recreate it");
    }
    if (view.deleting()) {
      return Outcome.waiting(
          Reason.Deleting, "AWS is deleting the capacity provider", settings.poll());
    }
    var desired =
        ProviderDesired.of(cp, resolvedSubnets(cp, st), resolvedGroups(cp, st), owner(cp));
    var diffs = desired.fixed().differencesFrom(view.fixed());
    if (!diffs.isEmpty()) {
      return Outcome.terminal(
          Reason.CreateOnlyFieldChanged,
          "create-only settings changed: "
              + String.join(", ", diffs)
              + "; AWS cannot change them in place. Revert the change, or create a new"
              + " CapacityProvider and move the functions to it; nothing was deleted");
    }
    if (view.pending()) {
      return Outcome.waiting(Reason.Provisioning, "capacity provider is Pending", settings.poll());
    }
    if (!desired.tunables().satisfiedBy(view.tunables())) {
      var refusal = ownerReadNow ? null : claims.confirm(cp, gw, view.arn());
      if (refusal != null) {
        return refusal;
      }
      var updated = gw.providers().update(desired.name(), desired.tunables());
      events.normal(
          cp,
          "Updated",
          "updated scaling, tag propagation or telemetry of capacity provider " + view.arn());
      st.setState(updated.state());
      return Outcome.waiting(Reason.Updating, "applying scaling changes", settings.poll());
    }
    var attached = gw.providers().attachedVersions(desired.name()).size();
    st.setAttachedVersions(attached);
    st.setVersionQuota(VERSION_QUOTA);
    return Outcome.ready(
        "Active; " + attached + " of " + VERSION_QUOTA + " function versions attached",
        settings.resync());
  }

  Outcome rejected(CapacityProvider cp, AwsTerminalException e) {
    var reason =
        e.kind() == dev.lmi.operator.aws.ErrorKind.QUOTA
            ? Reason.QuotaExceeded
            : Reason.AwsRejected;
    return Outcome.terminal(reason, e.getMessage());
  }

  /** The provider's region: its spec's, else the operator's default. */
  static String region(CapacityProvider cp, RegionalGateways aws) {
    return cp.getSpec() != null && cp.getSpec().getRegion() != null
        ? cp.getSpec().getRegion()
        : aws.defaultRegion();
  }

  private String owner(CapacityProvider cp) {
    return claims.owner(cp);
  }

  private static java.util.List<String> resolvedSubnets(
      CapacityProvider cp, CapacityProviderStatus st) {
    var ids = cp.getSpec().getVpc().getSubnetIds();
    return ids != null ? ids : st.getSubnetIds() == null ? java.util.List.of() : st.getSubnetIds();
  }

  private static java.util.List<String> resolvedGroups(
      CapacityProvider cp, CapacityProviderStatus st) {
    var ids = cp.getSpec().getVpc().getSecurityGroupIds();
    return ids != null
        ? ids
        : st.getSecurityGroupIds() == null ? java.util.List.of() : st.getSecurityGroupIds();
  }
}
