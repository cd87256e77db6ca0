package dev.lmi.emulator.ec2;

import dev.lmi.emulator.ec2.Ec2Fixture.Route;
import dev.lmi.emulator.ec2.Ec2Fixture.RouteTable;
import dev.lmi.emulator.ec2.Ec2Fixture.SecurityGroup;
import dev.lmi.emulator.ec2.Ec2Fixture.Subnet;
import dev.lmi.emulator.ec2.Ec2Fixture.Vpc;
import dev.lmi.emulator.ec2.Ec2Fixture.VpcEndpoint;
import dev.lmi.emulator.http.ApiException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/** CreateVpcEndpoint: checks its references like EC2, then adds a Gateway or Interface endpoint. */
final class EndpointFactory {
  private final Ec2State s;
  private final Ec2Endpoints writer;

  EndpointFactory(Ec2State state, Ec2Endpoints writer) {
    this.s = state;
    this.writer = writer;
  }

  String create(QueryParams q) {
    var vpcId = required(q, "VpcId");
    var service = required(q, "ServiceName");
    var type = q.get("VpcEndpointType") == null ? "Gateway" : q.get("VpcEndpointType");
    if (!Set.of("Gateway", "Interface", "GatewayLoadBalancer").contains(type)) {
      throw new ApiException(400, "InvalidParameterValue", "Invalid VpcEndpointType: " + type);
    }
    var knownVpcs = s.fixture.vpcs().stream().map(Vpc::vpcId).toList();
    Ec2State.requireAll(List.of(vpcId), knownVpcs, "InvalidVpcID.NotFound", "vpc ID");
    var prefix = "com.amazonaws." + s.region + ".";
    var short_ = service.startsWith(prefix) ? service.substring(prefix.length()) : "";
    if (!EndpointServices.exists(short_, type)) {
      throw new ApiException(
          400, "InvalidServiceName", "The Vpc Endpoint Service '" + service + "' does not exist");
    }
    synchronized (s) {
      var endpoint = type.equals("Gateway") ? gateway(q, vpcId, service) : iface(q, vpcId, service);
      s.endpoints.add(endpoint);
      return writer.write(new Xml().open("vpcEndpoint"), endpoint).close("vpcEndpoint").toString();
    }
  }

  private VpcEndpoint gateway(QueryParams q, String vpcId, String service) {
    var tables = q.list("RouteTableId");
    var known = s.routeTables.stream().map(RouteTable::routeTableId).toList();
    Ec2State.requireAll(tables, known, "InvalidRouteTableId.NotFound", "routeTable ID");
    var id = newId();
    addPrefixListRoute(tables, id, "pl-" + Integer.toHexString(service.hashCode()));
    var tags = q.tagSpecifications();
    return new VpcEndpoint(
        id, vpcId, service, "Gateway", tables, List.of(), List.of(), false, "available", tags);
  }

  /** A gateway endpoint adds a route to the service's prefix list in each of its route tables. */
  private void addPrefixListRoute(List<String> tables, String endpointId, String prefixList) {
    for (var i = 0; i < s.routeTables.size(); i++) {
      var t = s.routeTables.get(i);
      if (!tables.contains(t.routeTableId())) {
        continue;
      }
      if (t.routes().stream().anyMatch(r -> prefixList.equals(r.destinationPrefixListId()))) {
        throw new ApiException(
            400,
            "RouteAlreadyExists",
            "route table " + t.routeTableId() + " already has a route to " + prefixList);
      }
      var routes = new ArrayList<>(t.routes());
      routes.add(new Route(null, prefixList, endpointId, null));
      var updated =
          new RouteTable(t.routeTableId(), t.vpcId(), t.main(), t.subnetIds(), routes, t.tags());
      s.routeTables.set(i, updated);
    }
  }

  private VpcEndpoint iface(QueryParams q, String vpcId, String service) {
    var subnets = q.list("SubnetId");
    var knownSubnets = s.fixture.subnets().stream().map(Subnet::subnetId).toList();
    Ec2State.requireAll(subnets, knownSubnets, "InvalidSubnetID.NotFound", "subnet ID");
    checkPlacement(subnets, vpcId);
    var groups = q.list("SecurityGroupId");
    var knownGroups = s.fixture.securityGroups().stream().map(SecurityGroup::groupId).toList();
    Ec2State.requireAll(groups, knownGroups, "InvalidGroup.NotFound", "security group");
    var privateDns = !"false".equals(q.get("PrivateDnsEnabled"));
    if (privateDns && hasPrivateDnsEndpoint(vpcId, service)) {
      throw new ApiException(
          400,
          "InvalidParameter",
          "private-dns-enabled cannot be set because there is already a conflicting DNS domain for "
              + service
              + " in the VPC "
              + vpcId);
    }
    var effectiveGroups = groups.isEmpty() ? defaultGroup(vpcId) : groups;
    var tags = q.tagSpecifications();
    return new VpcEndpoint(
        newId(),
        vpcId,
        service,
        "Interface",
        List.of(),
        subnets,
        effectiveGroups,
        privateDns,
        "available",
        tags);
  }

  /** Interface endpoint subnets must be in the endpoint's VPC, at most one per zone. */
  private void checkPlacement(List<String> subnetIds, String vpcId) {
    var zones = new java.util.HashSet<String>();
    for (var subnet : s.fixture.subnets()) {
      if (!subnetIds.contains(subnet.subnetId())) {
        continue;
      }
      if (!subnet.vpcId().equals(vpcId)) {
        throw new ApiException(
            400,
            "InvalidParameter",
            "The subnet " + subnet.subnetId() + " does not belong to the VPC " + vpcId);
      }
      if (!zones.add(subnet.availabilityZone())) {
        throw new ApiException(
            400,
            "DuplicateSubnetsInSameZone",
            "Found another VPC endpoint subnet in the availability zone of " + subnet.subnetId());
      }
    }
  }

  private boolean hasPrivateDnsEndpoint(String vpcId, String service) {
    return s.endpoints.stream()
        .anyMatch(
            e ->
                e.vpcId().equals(vpcId)
                    && e.serviceName().equals(service)
                    && e.privateDnsEnabled());
  }

  /** Without SecurityGroupIds, EC2 uses the VPC's default group; here the VPC's first group. */
  private List<String> defaultGroup(String vpcId) {
    return s.fixture.securityGroups().stream()
        .filter(g -> g.vpcId().equals(vpcId))
        .map(SecurityGroup::groupId)
        .limit(1)
        .toList();
  }

  private static String required(QueryParams q, String name) {
    var v = q.get(name);
    if (v == null || v.isEmpty()) {
      throw new ApiException(
          400, "MissingParameter", "The request must contain the parameter " + name);
    }
    return v;
  }

  private static String newId() {
    var bytes = new byte[9];
    ThreadLocalRandom.current().nextBytes(bytes);
    return "vpce-" + HexFormat.of().formatHex(bytes).substring(0, 17);
  }
}
