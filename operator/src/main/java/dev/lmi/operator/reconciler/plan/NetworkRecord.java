package dev.lmi.operator.reconciler.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * What a provider's status records about its network: as the network check resolved it, and the VPC
 * endpoints this operator created for it.
 */
public record NetworkRecord(
    String vpcId,
    List<String> subnetIds,
    List<String> securityGroupIds,
    List<String> availabilityZones,
    List<String> createdEndpoints) {

  static NetworkRecord empty() {
    return new NetworkRecord(null, null, null, null, null);
  }

  /** The network as just resolved; the endpoints created earlier stay on record. */
  NetworkRecord resolved(NetworkPlan n) {
    return new NetworkRecord(
        n.vpcId(), n.subnetIds(), n.securityGroupIds(), n.availabilityZones(), createdEndpoints);
  }

  /** Endpoints just created for the provider join those on record. */
  public NetworkRecord created(List<String> endpointIds) {
    var all = new ArrayList<>(createdEndpoints == null ? List.<String>of() : createdEndpoints);
    all.addAll(endpointIds);
    return new NetworkRecord(vpcId, subnetIds, securityGroupIds, availabilityZones, all);
  }

  /** The created endpoints are deleted (or were never this provider's): none left on record. */
  public NetworkRecord endpointsGone() {
    return new NetworkRecord(vpcId, subnetIds, securityGroupIds, availabilityZones, List.of());
  }
}
