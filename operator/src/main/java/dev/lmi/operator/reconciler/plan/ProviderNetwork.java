package dev.lmi.operator.reconciler.plan;

import dev.lmi.operator.api.CapacityProvider;
import dev.lmi.operator.aws.ProviderView;
import dev.lmi.operator.reconciler.plan.ProviderAction.Adopt;
import dev.lmi.operator.reconciler.plan.ProviderAction.CreateEndpoints;
import dev.lmi.operator.status.Outcome;
import dev.lmi.operator.status.Reason;

/**
 * A provider's network, checked through EC2 before anything is created in Lambda (or adopted): one
 * VPC, existing subnets and groups, and a way to the private services (an endpoint or a NAT route),
 * else the endpoints are created when the spec allows it.
 */
final class ProviderNetwork {
  private ProviderNetwork() {}

  /** The network to create the provider in; null when the plan ends here. */
  static NetworkPlan check(
      Path<ProviderAction, ProviderRecord> p, ProviderObservation o, CapacityProvider cp) {
    var network = p.need(o.network(), ProviderPlan.Read.NETWORK);
    p.record(p.record().network(p.record().network().resolved(network)));
    if (!network.problems().isEmpty()) {
      p.end(Outcome.terminal(Reason.InvalidNetwork, String.join("; ", network.problems())));
      return null;
    }
    if (network.missingServices().isEmpty()) {
      return network;
    }
    if (!Boolean.TRUE.equals(cp.getSpec().getVpc().getCreateMissingEndpoints())) {
      p.end(missingEndpoints(network));
      return null;
    }
    p.add(new CreateEndpoints(network));
    return network;
  }

  /**
   * Adopts an untagged provider on request, unless its network is unusable or its create-only
   * settings differ from the spec's. Missing endpoints do not stop an adoption.
   */
  static boolean adopt(
      Path<ProviderAction, ProviderRecord> p,
      ProviderObservation o,
      CapacityProvider cp,
      Owner owner,
      ProviderView view) {
    var network = p.need(o.network(), ProviderPlan.Read.NETWORK);
    p.record(p.record().network(p.record().network().resolved(network)).refused());
    if (!network.problems().isEmpty()) {
      p.end(Outcome.terminal(Reason.InvalidNetwork, String.join("; ", network.problems())));
      return false;
    }
    var desired =
        ProviderDesired.of(cp, network.subnetIds(), network.securityGroupIds(), owner.tag());
    var diffs = ProviderDiff.fixed(desired.fixed(), view.fixed());
    if (!diffs.isEmpty()) {
      p.end(
          Outcome.terminal(
              Reason.AdoptionConflict,
              "cannot adopt "
                  + cp.awsName()
                  + ": create-only settings differ from AWS: "
                  + Change.text(diffs)));
      return false;
    }
    if (!network.missingServices().isEmpty()
        && Boolean.TRUE.equals(cp.getSpec().getVpc().getCreateMissingEndpoints())) {
      p.add(new CreateEndpoints(network));
    }
    p.add(new Adopt(view.arn(), owner.tag()));
    p.record(p.record().adoptedNow());
    return true;
  }

  private static Outcome missingEndpoints(NetworkPlan network) {
    return Outcome.terminal(
        Reason.MissingVpcEndpoints,
        "no VPC endpoint and no NAT route for: "
            + String.join(", ", network.missingServices())
            + " in "
            + network.vpcId()
            + "; create the endpoints, add a NAT route, or set"
            + " spec.vpc.createMissingEndpoints: true");
  }
}
