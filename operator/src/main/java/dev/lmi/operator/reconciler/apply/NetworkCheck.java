package dev.lmi.operator.reconciler.apply;

import dev.lmi.operator.api.VpcSpec;
import dev.lmi.operator.aws.NetworkGateway;
import dev.lmi.operator.aws.RouteTableView;
import dev.lmi.operator.aws.SubnetView;
import dev.lmi.operator.reconciler.plan.NetworkPlan;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Checks a capacity provider's VPC through EC2 before anything is created in Lambda. */
public final class NetworkCheck {
  /** Services reached through gateway endpoints (route tables); the rest use interface ones. */
  public static final Set<String> GATEWAY_SERVICES = Set.of("dynamodb", "s3");

  private NetworkCheck() {}

  public static NetworkPlan plan(VpcSpec vpc, String region, NetworkGateway ec2) {
    var problems = new ArrayList<String>();
    var subnets = subnets(vpc, ec2, problems);
    var vpcs = new TreeSet<String>();
    subnets.forEach(s -> vpcs.add(s.vpcId()));
    if (vpcs.size() > 1) {
      problems.add("subnets are in different VPCs " + vpcs + "; a provider uses one VPC");
    }
    var vpcId = vpcs.isEmpty() ? null : vpcs.first();
    var groups = securityGroups(vpc, vpcId, ec2, problems);
    var subnetIds = subnets.stream().map(SubnetView::id).toList();
    var azs = subnets.stream().map(SubnetView::availabilityZone).distinct().sorted().toList();
    if (!problems.isEmpty() || vpcId == null) {
      return new NetworkPlan(vpcId, subnetIds, groups, azs, List.of(), problems, List.of());
    }
    var tables = ec2.routeTables(vpcId, subnetIds);
    var missing = missingServices(vpc, region, vpcId, tables, ec2);
    var tableIds = tables.stream().map(RouteTableView::id).sorted().toList();
    return new NetworkPlan(vpcId, subnetIds, groups, azs, tableIds, problems, missing);
  }

  /** The endpoint service name of a short service name in a region. */
  public static String serviceName(String region, String service) {
    return "com.amazonaws." + region + "." + service;
  }

  private static List<SubnetView> subnets(VpcSpec vpc, NetworkGateway ec2, List<String> problems) {
    if (vpc.getSubnetIds() != null) {
      var found = ec2.subnets(vpc.getSubnetIds());
      var ids = new HashSet<String>();
      found.forEach(s -> ids.add(s.id()));
      var missing = vpc.getSubnetIds().stream().filter(id -> !ids.contains(id)).toList();
      if (!missing.isEmpty()) {
        problems.add("subnets not found: " + String.join(", ", missing));
      }
      return found;
    }
    var found = ec2.subnetsByTags(vpc.getSubnetSelector().getTags());
    if (found.isEmpty()) {
      problems.add("no subnet carries the tags " + vpc.getSubnetSelector().getTags());
    }
    return found.stream().sorted((a, b) -> a.id().compareTo(b.id())).limit(16).toList();
  }

  private static List<String> securityGroups(
      VpcSpec vpc, String vpcId, NetworkGateway ec2, List<String> problems) {
    if (vpc.getSecurityGroupIds() != null && !vpc.getSecurityGroupIds().isEmpty()) {
      var found = ec2.securityGroups(vpc.getSecurityGroupIds());
      for (var id : vpc.getSecurityGroupIds()) {
        if (!found.containsKey(id)) {
          problems.add("security group not found: " + id);
        } else if (vpcId != null && !vpcId.equals(found.get(id))) {
          problems.add("security group " + id + " is in " + found.get(id) + ", not in " + vpcId);
        }
      }
      return List.copyOf(vpc.getSecurityGroupIds());
    }
    if (vpc.getSecurityGroupSelector() == null) {
      return List.of();
    }
    var found = ec2.securityGroupsByTags(vpc.getSecurityGroupSelector().getTags());
    var inVpc =
        found.entrySet().stream()
            .filter(e -> e.getValue().equals(vpcId))
            .map(e -> e.getKey())
            .sorted()
            .limit(5)
            .toList();
    if (inVpc.isEmpty()) {
      problems.add(
          "no security group in "
              + vpcId
              + " carries the tags "
              + vpc.getSecurityGroupSelector().getTags());
    }
    return inVpc;
  }

  private static List<String> missingServices(
      VpcSpec vpc, String region, String vpcId, List<RouteTableView> tables, NetworkGateway ec2) {
    var wanted = vpc.getPrivateServices() == null ? List.<String>of() : vpc.getPrivateServices();
    if (wanted.isEmpty()
        || (!tables.isEmpty() && tables.stream().allMatch(RouteTableView::natDefaultRoute))) {
      return List.of();
    }
    var present = ec2.endpointServices(vpcId);
    return wanted.stream().filter(s -> !present.contains(serviceName(region, s))).sorted().toList();
  }
}
