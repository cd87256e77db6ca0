package dev.lmi.operator.aws;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The EC2 side of a capacity provider: subnets, security groups, routes and VPC endpoints. */
public interface NetworkGateway {
  /** The subnets with these ids that exist. */
  List<SubnetView> subnets(List<String> ids);

  List<SubnetView> subnetsByTags(Map<String, String> tags);

  /** Security group id to VPC id, for the groups that exist. */
  Map<String, String> securityGroups(List<String> ids);

  Map<String, String> securityGroupsByTags(Map<String, String> tags);

  /** Route tables of these subnets (the VPC's main table when a subnet has none). */
  List<RouteTableView> routeTables(String vpcId, List<String> subnetIds);

  /** Service names (com.amazonaws.region.svc) that have an endpoint in the VPC. */
  Set<String> endpointServices(String vpcId);

  String createEndpoint(EndpointRequest request);

  /**
   * Deletes those of the endpoints whose owner tag has one of these values, and no other; returns
   * the ids it deleted.
   */
  List<String> deleteEndpoints(List<String> endpointIds, Set<String> ownerTags);
}
