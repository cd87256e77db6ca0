package dev.lmi.operator.aws;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.ec2.model.VpcEndpointType;

/** EC2 through the AWS SDK for Java v2. */
public final class AwsNetworkGateway implements NetworkGateway {
  private final Ec2Client ec2;
  private final AwsCalls calls;

  public AwsNetworkGateway(Ec2Client ec2, AwsCalls calls) {
    this.ec2 = ec2;
    this.calls = calls;
  }

  @Override
  public List<SubnetView> subnets(List<String> ids) {
    // Filtering by id (not SubnetIds) answers with the ones that exist instead of failing whole.
    var filter = Filter.builder().name("subnet-id").values(ids).build();
    return describeSubnets(filter);
  }

  @Override
  public List<SubnetView> subnetsByTags(Map<String, String> tags) {
    return describeSubnets(tagFilters(tags).toArray(Filter[]::new));
  }

  @Override
  public Map<String, String> securityGroups(List<String> ids) {
    return describeGroups(Filter.builder().name("group-id").values(ids).build());
  }

  @Override
  public Map<String, String> securityGroupsByTags(Map<String, String> tags) {
    return describeGroups(tagFilters(tags).toArray(Filter[]::new));
  }

  @Override
  public List<RouteTableView> routeTables(String vpcId, List<String> subnetIds) {
    var tables =
        calls.call(
            "DescribeRouteTables",
            () ->
                ec2.describeRouteTables(
                        r -> r.filters(Filter.builder().name("vpc-id").values(vpcId).build()))
                    .routeTables());
    var explicit = new HashSet<RouteTable>();
    var covered = new HashSet<String>();
    for (var t : tables) {
      for (var a : t.associations()) {
        if (a.subnetId() != null && subnetIds.contains(a.subnetId())) {
          explicit.add(t);
          covered.add(a.subnetId());
        }
      }
    }
    if (covered.size() < subnetIds.size()) {
      tables.stream()
          .filter(t -> t.associations().stream().anyMatch(a -> Boolean.TRUE.equals(a.main())))
          .forEach(explicit::add);
    }
    return explicit.stream().map(AwsNetworkGateway::view).toList();
  }

  @Override
  public Set<String> endpointServices(String vpcId) {
    return calls
        .call(
            "DescribeVpcEndpoints",
            () ->
                ec2.describeVpcEndpoints(
                        r -> r.filters(Filter.builder().name("vpc-id").values(vpcId).build()))
                    .vpcEndpoints())
        .stream()
        .filter(e -> !"deleted".equalsIgnoreCase(e.stateAsString()))
        .map(e -> e.serviceName())
        .collect(Collectors.toSet());
  }

  @Override
  public String createEndpoint(EndpointRequest req) {
    return calls.call(
        "CreateVpcEndpoint",
        () ->
            ec2.createVpcEndpoint(
                    r -> {
                      r.vpcId(req.vpcId())
                          .serviceName(req.serviceName())
                          .tagSpecifications(
                              TagSpecification.builder()
                                  .resourceType(ResourceType.VPC_ENDPOINT)
                                  .tags(
                                      Tag.builder()
                                          .key(OWNER_TAG_KEY)
                                          .value(req.ownerTag())
                                          .build())
                                  .build());
                      if (req.gateway()) {
                        r.vpcEndpointType(VpcEndpointType.GATEWAY)
                            .routeTableIds(req.routeTableIds());
                      } else {
                        r.vpcEndpointType(VpcEndpointType.INTERFACE)
                            .subnetIds(req.subnetIds())
                            .securityGroupIds(req.securityGroupIds())
                            .privateDnsEnabled(true);
                      }
                    })
                .vpcEndpoint()
                .vpcEndpointId());
  }

  @Override
  public List<String> deleteEndpoints(List<String> endpointIds, Set<String> ownerTags) {
    if (endpointIds.isEmpty()) {
      return List.of();
    }
    // By filter, not by id: an id that is gone is no error, and only tagged ones are listed.
    var owned =
        calls
            .call(
                "DescribeVpcEndpoints",
                () ->
                    ec2.describeVpcEndpoints(
                            r ->
                                r.filters(
                                    Filter.builder()
                                        .name("vpc-endpoint-id")
                                        .values(endpointIds)
                                        .build(),
                                    Filter.builder()
                                        .name("tag:" + OWNER_TAG_KEY)
                                        .values(ownerTags)
                                        .build()))
                        .vpcEndpoints())
            .stream()
            .filter(e -> !"deleted".equalsIgnoreCase(e.stateAsString()))
            .map(e -> e.vpcEndpointId())
            .toList();
    if (!owned.isEmpty()) {
      calls.find("DeleteVpcEndpoints", () -> ec2.deleteVpcEndpoints(r -> r.vpcEndpointIds(owned)));
    }
    return owned;
  }

  private static final String OWNER_TAG_KEY = dev.lmi.operator.api.Api.OWNER_TAG;

  private List<SubnetView> describeSubnets(Filter... filters) {
    return calls
        .call("DescribeSubnets", () -> ec2.describeSubnets(r -> r.filters(filters)).subnets())
        .stream()
        .map(AwsNetworkGateway::view)
        .toList();
  }

  private Map<String, String> describeGroups(Filter... filters) {
    var out = new LinkedHashMap<String, String>();
    calls
        .call(
            "DescribeSecurityGroups",
            () -> ec2.describeSecurityGroups(r -> r.filters(filters)).securityGroups())
        .forEach(g -> out.put(g.groupId(), g.vpcId()));
    return out;
  }

  private static List<Filter> tagFilters(Map<String, String> tags) {
    return tags.entrySet().stream()
        .map(e -> Filter.builder().name("tag:" + e.getKey()).values(e.getValue()).build())
        .toList();
  }

  private static SubnetView view(Subnet s) {
    return new SubnetView(s.subnetId(), s.vpcId(), s.availabilityZone());
  }

  private static RouteTableView view(RouteTable t) {
    var nat =
        t.routes().stream()
            .anyMatch(
                r -> "0.0.0.0/0".equals(r.destinationCidrBlock()) && r.natGatewayId() != null);
    return new RouteTableView(t.routeTableId(), nat);
  }
}
